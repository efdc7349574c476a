# Local overrides, mounted by the person who runs the app.
