"""The web app's server side: the built SPA's index for client-side routes (with the Open Graph and
Twitter tags of organisation, product and event pages filled in, since link-preview crawlers run no
JavaScript), ``robots.txt`` and ``sitemap.xml``. The hashed assets themselves are served by
WhiteNoise from ``settings.FRONTEND_DIST`` (``WHITENOISE_ROOT``)."""
