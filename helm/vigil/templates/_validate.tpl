{{/*
Checks across values that the schema cannot express; rendered from the ConfigMap template.
*/}}
{{- define "vigil.validate" -}}
{{- if and (hasPrefix "SASL_" .Values.kafka.securityProtocol) (not .Values.kafka.sasl.existingSecret) }}
{{- fail "kafka.sasl.existingSecret is required with a SASL_* kafka.securityProtocol" }}
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
