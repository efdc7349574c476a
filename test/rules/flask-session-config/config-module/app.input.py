from flask import Flask, session

app = Flask(__name__)
app.config.from_object("settings")
app.config.from_pyfile("instance.cfg", silent=True)
