{{/* The chart's name, as app.kubernetes.io/name of the release's own objects. */}}
{{- define "enclave-lottery.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Prefix of every object name: <release>-<chart>, or the release alone when it holds the chart's name. */}}
{{- define "enclave-lottery.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Labels of every object of the release. */}}
{{- define "enclave-lottery.commonLabels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: enclave-lottery
{{- end }}

{{/* Labels of the controller's objects. */}}
{{- define "enclave-lottery.labels" -}}
{{ include "enclave-lottery.commonLabels" . }}
app.kubernetes.io/name: enclave-lottery
app.kubernetes.io/component: controller
{{- end }}

{{/*
Labels that select the controller's pods. name and component are fixed, not taken from
nameOverride: the signer NetworkPolicy the controller writes admits exactly
app.kubernetes.io/name=enclave-lottery, app.kubernetes.io/component=controller
(operator's Component.CONTROLLER_POD_LABELS) to the signing port.
*/}}
{{- define "enclave-lottery.selectorLabels" -}}
app.kubernetes.io/name: enclave-lottery
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/component: controller
{{- end }}

{{/* The controller's ServiceAccount. */}}
{{- define "enclave-lottery.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "enclave-lottery.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The image: by digest when one is given, else by tag (default: the chart's appVersion). */}}
{{- define "enclave-lottery.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{/* The runbook link of an alert: the base URL and the alert's anchor in docs/OPERATIONS.md. */}}
{{- define "enclave-lottery.runbook" -}}
{{- printf "%s#%s" .root.Values.monitoring.prometheusRule.runbookBaseUrl (lower .alert) }}
{{- end }}
