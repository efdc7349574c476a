from quart import Quart, make_response, redirect

app = Quart(__name__)


class Recorder:
    def set_cookie(self, key, value):
        return (key, value)


@app.post("/login")
async def login():
    resp = await make_response(redirect("/"))
    # ruleid: flask-set-cookie httpOnly-missing secure-missing fixable
    resp.set_cookie("session_token", new_token())
    # ruleid: flask-set-cookie secure-false fixable
    resp.set_cookie("sid", new_token(), httponly=True, secure=False)
    # ok: flask-set-cookie
    resp.set_cookie("sid", new_token(), httponly=True, secure=True)
    # ok: flask-set-cookie
    resp.set_cookie("sid", "", expires=0)
    # ok: flask-set-cookie
    resp.delete_cookie("sid")
    # ok: flask-set-cookie
    Recorder().set_cookie("sid", "x")
    return resp


def record(recorder: Recorder):
    # ok: flask-set-cookie
    recorder.set_cookie("sid", "x")
