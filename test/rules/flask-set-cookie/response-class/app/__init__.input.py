from flask import Flask

from app.responses import AppResponse

app = Flask(__name__)
app.response_class = AppResponse
