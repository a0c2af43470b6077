{{/*
Checks across values that the schema cannot express; rendered from the ConfigMap template.
*/}}
{{- define "vigil.validate" -}}
{{- if and .Values.tracing.enabled (not .Values.tracing.otlpEndpoint) }}
{{- fail "tracing.otlpEndpoint is required when tracing.enabled (e.g. http://otel-collector.monitoring:4318/v1/traces)" }}
{{- end }}
{{- if include "vigil.kafkaUsesSasl" . }}
{{- $seen := dict }}
{{- range $key, $user := .Values.kafka.sasl.users }}
{{- if not $user }}
{{- fail (printf "kafka.sasl.users.%s is required with a SASL_* kafka.securityProtocol" $key) }}
{{- end }}
{{- if hasKey $seen $user }}
{{- fail (printf "kafka.sasl.users.%s and kafka.sasl.users.%s are both %s: every service needs its own Kafka user" (index $seen $user) $key $user) }}
{{- end }}
{{- $_ := set $seen $user $key }}
{{- end }}
{{- end }}
{{- if and (include "vigil.strimziUsers" .) (ne .Values.kafka.sasl.mechanism "SCRAM-SHA-512") }}
{{- fail "Strimzi KafkaUsers use scram-sha-512: set kafka.sasl.mechanism SCRAM-SHA-512, or kafka.sasl.strimziUsers false" }}
{{- end }}
{{- $keys := dict }}
{{- range $db, $login := .Values.database.credentials }}
{{- range $part := list "usernameKey" "passwordKey" }}
{{- $ref := printf "%s/%s" $login.existingSecret (index $login $part) }}
{{- if hasKey $keys $ref }}
{{- fail (printf "database.credentials.%s.%s and %s both read Secret key %s: every service needs its own database login" $db $part (index $keys $ref) $ref) }}
{{- end }}
{{- $_ := set $keys $ref (printf "database.credentials.%s.%s" $db $part) }}
{{- end }}
{{- end }}
{{- if and .Values.ingress.enabled .Values.ingress.tls.enabled (not .Values.ingress.tls.secretName) }}
{{- fail "ingress.tls.secretName is required when ingress.tls.enabled" }}
{{- end }}
{{- if and .Values.httpRoute.enabled (not .Values.httpRoute.parentRefs) }}
{{- fail "httpRoute.parentRefs is required when httpRoute.enabled" }}
{{- end }}
{{- if and (not .Values.ca.existingSecret) (not .Values.ca.create.enabled) }}
{{- fail "the gateway needs the platform CA: set ca.existingSecret or ca.create.enabled" }}
{{- end }}
{{- $gw := .Values.heartbeatGateway }}
{{- if le (int $gw.terminationGracePeriodSeconds) (int $gw.preStopSleepSeconds) }}
{{- fail "heartbeatGateway.terminationGracePeriodSeconds must exceed preStopSleepSeconds (plus shutdownTimeout)" }}
{{- end }}
{{- range $key := include "vigil.enabledComponents" . | fromYamlArray }}
{{- $a := (index $.Values $key).autoscaling }}
{{- if and $a.enabled (gt (int $a.minReplicas) (int $a.maxReplicas)) }}
{{- fail (printf "%s.autoscaling.minReplicas exceeds maxReplicas" $key) }}
{{- end }}
{{- end }}
{{- end }}
