# Sourced by the benchmark scripts: mints the signed service tokens that ticket-service and the analytics services
# accept (HS256 with the suite's service key), so a benchmark can measure a service without the gateway in front.
# The services check signature, audience and expiry; a benchmark's token lives two hours instead of two minutes, so
# the suite a benchmark starts (after sourcing this) is told to accept one that long: a desk's own services refuse a
# token further than 3 minutes from its expiry. Needs openssl.
export HELPDESK_SERVICE_TOKENS_LONGEST_LIFETIME=3h

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

# service_token KEY_FILE SUBJECT ROLE AUDIENCE
service_token() {
  local key now header payload signature
  key="$(cat "$1")"
  now="$(date +%s)"
  header="$(printf '{"alg":"HS256","typ":"JWT"}' | b64url)"
  payload="$(printf '{"sub":"%s","roles":["%s"],"aud":"%s","iat":%d,"nbf":%d,"exp":%d}' \
    "$2" "$3" "$4" "$now" "$now" "$((now + 7200))" | b64url)"
  signature="$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -hmac "$key" -binary | b64url)"
  printf '%s.%s.%s' "$header" "$payload" "$signature"
}
