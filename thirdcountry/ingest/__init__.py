"""Ingestion: from URLs, files, folders and feeds to stored, de-duplicated documents.

    service     entry points with typed arguments: ingest, watch_feeds, export_archive
    pipeline    one source at a time: fetch or read, parse, de-duplicate, store, extract
    fetch       the safe fetcher (redirects, timeouts, size and type limits, robots.txt)
    transport   the httpx transport that connects only to addresses the guard accepted
    addresses   the address guard: which resolved addresses may be connected to
    robots      robots.txt per site (protego)
    readers     HTML (via ``html``), plain text and PDF; telling formats apart
    html        trafilatura: main text and metadata of a web page
    depth       pages nested past the HTML parser's limit: read flattened, losses counted
    binary      whether a body is binary data (shared with ``extract``)
    feeds       RSS and Atom entries (feedparser)
    files       local files and folders
    dedupe      shingles, exact Jaccard, MinHash/LSH buckets (datasketch)
    warc        the archive as a WARC 1.1 file
    watch       polling feeds on an interval
    language    the language of a text (py3langid)
    urls        URL normalisation
    model       the types passed between these modules

Modules are imported where they are used: importing this package loads nothing heavy.
"""
