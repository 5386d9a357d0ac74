#!/usr/bin/env python3
"""A local Blogger-like server for blogshift's fetch tests (127.0.0.1 only).

  python3 tests/support/blogger_server.py --state-dir DIR [--fault SPEC]...
      [--latency-ms N] [--custom-domain HOST] [--lifetime SECONDS]

Prints {"port": P, "ca": "DIR/ca.pem", "log": "DIR/requests.jsonl"} when
ready; exits on stdin EOF, SIGTERM or after --lifetime. The code is the
package beside this file, blogger_server/ (its __init__.py lists the parts).
Python 3.11 standard library only, plus the openssl CLI.
"""

import sys

sys.dont_write_bytecode = True  # keep the source tree (and scripts/) free of __pycache__

from blogger_server.main import main  # noqa: E402 - the package beside this file

if __name__ == "__main__":
    sys.exit(main())
