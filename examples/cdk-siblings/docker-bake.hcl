# The same four images as images.yml, as bake targets (plan's `manifest: docker-bake.hcl`,
# resolved by `docker buildx bake --print`). The repository comes from each target's first tag
# (its tag is replaced by ensure-image's <name>-<id>); `ensure-image.<key>` labels hold what
# bake cannot say (prefix, aliases, paths, name).
variable "ECR_ARTIFACTS_REPO" {}
variable "ECR_ETL_TASKS_REPO" {}

group "default" {
  targets = ["cloudtak", "events", "pmtiles", "data"]
}

target "cloudtak" {
  context = "api"
  tags    = ["${ECR_ARTIFACTS_REPO}:cloudtak"]
}

target "events" {
  context = "events"
  tags    = ["${ECR_ARTIFACTS_REPO}:events"]
}

target "pmtiles" {
  context = "pmtiles"
  tags    = ["${ECR_ARTIFACTS_REPO}:pmtiles"]
}

target "data" {
  context = "data"
  tags    = ["${ECR_ETL_TASKS_REPO}:data"]
}
