from fastapi import APIRouter, Response

router = APIRouter()


async def cookie_kwargs():
    return {"max_age": 3600, "path": "/"}


def session_kwargs():
    # ruleid: starlette-set-cookie httpOnly-missing secure-missing fixable
    return {"max_age": 86400, "path": "/"}


class Tokens:
    @property
    async def options(self):
        return {"path": "/"}

    def issue(self, response: Response, token: str):
        # ruleid: starlette-set-cookie httpOnly-unknown secure-unknown conditional
        response.set_cookie("access_token", token, **self.options)


@router.post("/login")
async def login(response: Response):
    # Without `await` the call gives a coroutine: `**` cannot even unpack it, and no flag can be read.
    # ruleid: starlette-set-cookie httpOnly-unknown secure-unknown conditional
    response.set_cookie("session", "abc", **cookie_kwargs())
    response.set_cookie("sid", "abc", **session_kwargs())
    return {"ok": True}
