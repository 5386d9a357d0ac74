"""A local Blogger-like server for the fetch stage's tests and benchmark.

It serves the made-up sample blog of scripts/make-sample-blog.py
("Kettle & Crumb") on 127.0.0.1 as if it were live on its real host names,
with fault injection. The command line is tests/support/blogger_server.py;
see main.py for its options and the README block there.

  sample.py    the sample blog's data and page renderers, imported from
               scripts/make-sample-blog.py (never copied)
  site.py      the HTML pages: home, posts, pages, labels, archives, search
  feeds.py     GData Atom / RSS feeds, sitemaps, robots.txt
  images.py    the image hosts (any size option, path and =suffix forms)
  faults.py    the --fault specs and the fault pages
  routes.py    hosts, redirects and paths -> a Response
  http_conn.py connections: TLS or plain by the first byte, proxy/CONNECT/
               origin requests, gzip, chunked, the request log
  certs.py     the per-run CA and leaf certificate (openssl CLI)
  main.py      the command line and the server's lifetime
"""
