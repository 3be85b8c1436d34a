"""Pages as data: each page of the site built as plain sections of cells from library questions.

``context`` holds the site and the per-request context (store, naming perspective, labeller),
``model`` the page, section and cell shapes, ``summary`` what a resource is, ``layouts`` the
per-class sections, ``resource`` the page of any resource, ``threads`` the claim threads, and
``home``, ``search`` and ``query_page`` the other pages. The web skin renders them.
"""
