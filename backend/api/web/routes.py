"""Routes of the web app, included last by config.urls (not an API domain: api.urls does not discover it),
so the API, admin, static and media win."""

from django.urls import path, re_path

from api.web import views

urlpatterns = [
    path("robots.txt", views.robots_txt, name="robots-txt"),
    path("sitemap.xml", views.sitemap_xml, name="sitemap-xml"),
    # Any other path that is not the API, the admin, static or media files is a client-side route.
    re_path(r"^(?!api/|admin/|static/|media/)(?P<path>.*)$", views.spa_index, name="spa-index"),
]
