"""One router per resource. Each page ``/x`` has its JSON twin under ``/api/x``."""

from accords.web.routes import actors, articles, events, incidents, quotes, review, search

ROUTERS = [
    articles.router,
    events.router,
    incidents.router,
    quotes.router,
    actors.router,
    search.router,
    review.router,
]
