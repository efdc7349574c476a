# Deployment switches shared by the settings (mentions session cookies).
BEHIND_TLS = True
LEGACY_HTTP = False
