import os

import cherrypy

HERE = os.path.dirname(os.path.abspath(__file__))


class Board:
    @cherrypy.expose
    def index(self):
        return "board"


def main():
    cherrypy.quickstart(Board(), "/", os.path.join(HERE, "..", "conf", "board.conf"))
