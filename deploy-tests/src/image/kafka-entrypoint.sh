#!/bin/sh
# Entrypoint of the vigil/kafka test image: a single-node KRaft Kafka (combined broker and controller) for the host
# network, its log in /tmp (a tmpfs: every start is a fresh cluster).
#   KAFKA_PORT (9092)             the PLAINTEXT client listener on KAFKA_HOST
#   KAFKA_CONTROLLER_PORT (9093)  the controller listener
#   KAFKA_HOST (127.0.0.1)        the address both listen on and the broker advertises
#   KAFKA_HEAP_OPTS               JVM options (default -Xms256m -Xmx768m)
set -eu
port=${KAFKA_PORT:-9092}
controller=${KAFKA_CONTROLLER_PORT:-9093}
host=${KAFKA_HOST:-127.0.0.1}
# (the image has a shell and Java, no other tools: printf is the shell's, Kafka creates its log directory)
dir=/tmp
printf '%s\n' \
  "process.roles=broker,controller" \
  "node.id=1" \
  "controller.quorum.voters=1@$host:$controller" \
  "listeners=PLAINTEXT://$host:$port,CONTROLLER://$host:$controller" \
  "advertised.listeners=PLAINTEXT://$host:$port" \
  "controller.listener.names=CONTROLLER" \
  "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT" \
  "inter.broker.listener.name=PLAINTEXT" \
  "log.dirs=$dir/kafka-logs" \
  "num.partitions=1" \
  "offsets.topic.replication.factor=1" \
  "offsets.topic.num.partitions=12" \
  "transaction.state.log.replication.factor=1" \
  "transaction.state.log.min.isr=1" \
  "share.coordinator.state.topic.replication.factor=1" \
  "share.coordinator.state.topic.min.isr=1" \
  "group.initial.rebalance.delay.ms=0" \
  "auto.create.topics.enable=false" \
  "log.cleaner.backoff.ms=5000" \
  > "$dir/server.properties"
java_options="${KAFKA_HEAP_OPTS:--Xms256m -Xmx768m} -XX:+UseG1GC -XX:TieredStopAtLevel=1 -Djava.io.tmpdir=/tmp \
-Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.kafka.server.KafkaRaftServer=info"
# a fixed cluster id: the log never outlives the container
# shellcheck disable=SC2086
java $java_options -cp '/opt/kafka/libs/*' kafka.tools.StorageTool format -t vigil-test-kraft-node1 \
  -c "$dir/server.properties" >/dev/null
# shellcheck disable=SC2086
exec java $java_options -cp '/opt/kafka/libs/*' kafka.Kafka "$dir/server.properties"
