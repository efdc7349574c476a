import os

# ruleid: aiohttp-set-cookie secure-conditional conditional
SESSION_OPTS = {
    "httponly": True,
    "secure": os.environ.get("HTTPS", "1") == "1",  # off for local HTTP runs
}
