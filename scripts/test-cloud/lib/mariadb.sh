# shellcheck shell=bash
# lib/mariadb.sh - MariaDB: one server for every service's database (the table's databases column), user openstack.
# A MariaDB that answers but was not started by this script is used as it is (not ours to restart).

mariadb_answers() { mysqladmin --connect-timeout=2 ping >/dev/null 2>&1; }

configure_mariadb() {
  write_conf mariadb /etc/mysql/mariadb.conf.d/99-openstack-zed-test.cnf root:root 644 <<EOF
[mysqld]
bind-address = $SERVICE_HOST
port = ${PORT[mariadb]}
skip-name-resolve
innodb_buffer_pool_size = 64M
performance_schema = off
max_connections = 1000
character-set-server = utf8mb4
collation-server = utf8mb4_general_ci
EOF
  install -d -o mysql -g root -m 755 /run/mysqld
}

# start_mariadb: (re)start it unless a server answers, then the databases of the enabled services and their user
start_mariadb() {
  if mariadb_answers && is_running mariadb && changed mariadb; then stop_ours mariadb; fi
  if mariadb_answers; then
    log "mariadb already answering"
    is_running mariadb || rm -f "$RUN/mariadb.restart-needed"   # not ours: not ours to restart
  else
    watch_logs "$LOGS/mariadb-install-db.log" "$LOGS/mariadb.out"
    [ -d /var/lib/mysql/mysql ] || as mysql mariadb-install-db --user=mysql --datadir=/var/lib/mysql >"$LOGS/mariadb-install-db.log" 2>&1
    local t end; t=$(now); end=$(( $(date +%s) + TIMEOUT ))
    start_daemon mariadb mysql /var/lib/mysql /usr/sbin/mariadbd /usr/sbin/mariadbd
    until mariadb_answers; do
      is_running mariadb || die "mariadb died during startup"
      [ "$(date +%s)" -lt "$end" ] || die "mariadb did not answer within ${TIMEOUT}s"
      sleep 0.2
    done
    log "mariadb answers after $(since "$t") s"
  fi
  create_databases_sql | mysql
}

create_databases_sql() {
  local dbs=() more svc host db
  for svc in $(enabled_services); do read -ra more <<< "$(items "${DATABASES[$svc]}")"; dbs+=("${more[@]}"); done
  for host in "$SERVICE_HOST" localhost; do
    echo "CREATE USER IF NOT EXISTS 'openstack'@'$host' IDENTIFIED BY '${DB_PW}';"
    echo "ALTER USER 'openstack'@'$host' IDENTIFIED BY '${DB_PW}';"
    for db in "${dbs[@]}"; do
      echo "CREATE DATABASE IF NOT EXISTS \`$db\` CHARACTER SET utf8mb4;"
      echo "GRANT ALL PRIVILEGES ON \`$db\`.* TO 'openstack'@'$host';"
    done
  done
  echo "FLUSH PRIVILEGES;"
}
