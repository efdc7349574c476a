from twisted.web import resource


class Login(resource.Resource):
    isLeaf = True

    def render_POST(self, request):
        # ruleid: twisted-add-cookie secure-conditional conditional
        request.addCookie(b"sid", sid(), httpOnly=True, secure=request.isSecure())
        return b"ok"
