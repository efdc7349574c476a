import argparse

import cherrypy


class Root:
    @cherrypy.expose
    def index(self):
        return "hello"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--certfile", default=None)
    args = parser.parse_args()
    if args.certfile:
        cherrypy.config.update({"server.ssl_module": "builtin", "server.ssl_certificate": args.certfile})
    cherrypy.quickstart(Root(), "/", "site.conf")
