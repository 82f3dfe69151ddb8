#!/bin/sh
# Inside the enclave: bridge the vsock ports to the signer's TCP ports on 127.0.0.1, then run the
# signer in the foreground. The enclave ends when the signer does.
set -eu
socat VSOCK-LISTEN:5000,fork,reuseaddr "TCP:127.0.0.1:${SIGNER_PORT}" &
socat VSOCK-LISTEN:5001,fork,reuseaddr "TCP:127.0.0.1:${SIGNER_ATTESTATION_PORT}" &
exec java -jar /opt/lottery/lottery.jar signer
