"""A CA made for this run and one leaf certificate it signs, with the openssl
CLI: the leaf names every host the server answers for (and IP 127.0.0.1),
so a client verifies with --cacert DIR/ca.pem and needs no --insecure.
Our own config files are passed, so the system's openssl.cnf plays no part.
"""

from __future__ import annotations

import secrets
import shutil
import subprocess
from pathlib import Path

CA_CONFIG = """[req]
distinguished_name = dn
prompt = no
[dn]
CN = blogshift blogger_server test CA {tag}
O = blogshift tests
[v3_ca]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
"""

LEAF_CONFIG = """[req]
distinguished_name = dn
prompt = no
[dn]
CN = {cn}
[v3_leaf]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = {san}
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid,issuer
"""


def make(state: Path, hosts: list) -> tuple[Path, Path, Path]:
    """Writes ca.pem, ca-key.pem, server.pem, server-key.pem into `state`;
    returns (ca.pem, server.pem, server-key.pem)."""
    openssl = shutil.which("openssl")
    if not openssl:
        raise SystemExit("blogger_server: openssl is needed for the certificates")
    ca, ca_key = state / "ca.pem", state / "ca-key.pem"
    leaf, leaf_key, csr = state / "server.pem", state / "server-key.pem", state / "server.csr"
    (state / "ca.cnf").write_text(CA_CONFIG.format(tag=secrets.token_hex(4)))
    san = ",".join([f"DNS:{h}" for h in hosts] + ["IP:127.0.0.1"])
    (state / "leaf.cnf").write_text(LEAF_CONFIG.format(cn=hosts[0], san=san))
    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]

    def run(*args):
        subprocess.run([openssl, *map(str, args)], check=True, capture_output=True, timeout=60)
    run("req", "-x509", *ec, "-config", state / "ca.cnf", "-extensions", "v3_ca", "-days", "3",
        "-set_serial", "0x" + secrets.token_hex(8), "-keyout", ca_key, "-out", ca)
    run("req", "-new", *ec, "-config", state / "leaf.cnf", "-keyout", leaf_key, "-out", csr)
    run("x509", "-req", "-in", csr, "-CA", ca, "-CAkey", ca_key, "-set_serial", "0x" + secrets.token_hex(8),
        "-days", "2", "-extfile", state / "leaf.cnf", "-extensions", "v3_leaf", "-out", leaf)
    csr.unlink()
    return ca, leaf, leaf_key
