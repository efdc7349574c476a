def cookie_kwargs(max_age=3600):
    return {"max_age": max_age, "samesite": "Lax"}
