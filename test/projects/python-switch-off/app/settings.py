import os

# Cookies are Secure only where the deployment says it serves HTTPS.
COOKIES_SECURE = os.environ.get("COOKIES_SECURE", "0") == "1"
