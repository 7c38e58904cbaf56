# Shared helpers for the golden-file generators: a JSON writer that keeps R's full precision
# (jsonlite rounds to 15 significant digits, so numbers are written with sprintf("%.17g")) and a
# runner that evaluates the exact R call text, capturing errors and warnings.

json_number <- function(x) {
  if (is.na(x) && !is.nan(x)) return("null")
  if (is.nan(x)) return("\"NaN\"")
  if (is.infinite(x)) return(if (x > 0) "\"Inf\"" else "\"-Inf\"")
  sprintf("%.17g", x)
}

json_string <- function(x) {
  x <- gsub("\\", "\\\\", x, fixed = TRUE)
  x <- gsub("\"", "\\\"", x, fixed = TRUE)
  x <- gsub("\n", "\\n", x, fixed = TRUE)
  x <- gsub("\t", "\\t", x, fixed = TRUE)
  paste0("\"", x, "\"")
}

# Vectors of length 1 become scalars unless wrapped in arr(); lists with names become objects.
arr <- function(x) structure(x, class = c("json_array", class(x)))

to_json <- function(x, indent = "") {
  inner <- paste0(indent, "  ")
  force_array <- inherits(x, "json_array")
  if (force_array) class(x) <- setdiff(class(x), "json_array")
  if (is.null(x)) return("null")
  if (is.list(x)) {
    if (length(x) == 0) return(if (is.null(names(x))) "[]" else "{}")
    parts <- vapply(x, to_json, character(1), indent = inner)
    if (!is.null(names(x))) {
      parts <- paste0(json_string(names(x)), ": ", parts)
      return(paste0("{\n", inner, paste(parts, collapse = paste0(",\n", inner)), "\n", indent, "}"))
    }
    return(paste0("[\n", inner, paste(parts, collapse = paste0(",\n", inner)), "\n", indent, "]"))
  }
  x <- unname(x)
  one <- if (is.character(x)) {
    vapply(x, json_string, character(1))
  } else if (is.logical(x)) {
    ifelse(is.na(x), "null", ifelse(x, "true", "false"))
  } else if (is.numeric(x)) {
    vapply(as.numeric(x), json_number, character(1))
  } else {
    stop("cannot write ", class(x)[1], " as JSON")
  }
  if (length(x) == 1 && !force_array) return(one)
  paste0("[", paste(one, collapse = ", "), "]")
}

write_golden <- function(cases, file, description, script) {
  doc <- list(
    description = description,
    generatedBy = paste0("packages/stats/golden/", script),
    rVersion = R.version.string,
    packages = list(
      stats = as.character(packageVersion("stats")),
      metafor = if (requireNamespace("metafor", quietly = TRUE)) as.character(packageVersion("metafor")) else NULL
    ),
    cases = cases
  )
  writeLines(to_json(doc), file)
  cat("wrote", file, "(", length(cases), "cases )\n")
}

# Evaluates the call text in `env`; returns list(value, warnings) or list(error, warnings).
run_call <- function(call, env) {
  warnings <- character(0)
  value <- withCallingHandlers(
    tryCatch(eval(parse(text = call), envir = env), error = function(e) structure(list(message = conditionMessage(e)), class = "golden_error")),
    warning = function(w) {
      warnings <<- c(warnings, conditionMessage(w))
      invokeRestart("muffleWarning")
    }
  )
  list(value = value, warnings = warnings, failed = inherits(value, "golden_error"))
}

# One JSON entry: the call, the inputs, and either the summary of the value or the error text.
golden_entry <- function(call, env, summarise, inputs) {
  run <- run_call(call, env)
  entry <- list(call = call)
  entry <- c(entry, inputs)
  if (run$failed) {
    entry$error <- run$value$message
  } else {
    entry$expected <- summarise(run$value)
  }
  if (length(run$warnings) > 0) entry$warnings <- arr(run$warnings)
  entry
}

htest_summary <- function(h) {
  out <- list(statistic = unname(h$statistic), pValue = h$p.value, method = h$method)
  if (!is.null(h$parameter)) out$df <- unname(h$parameter[1])
  if (!is.null(h$estimate)) out$estimate <- unname(h$estimate[1])
  if (!is.null(h$conf.int)) {
    out$ciLower <- h$conf.int[1]
    out$ciUpper <- h$conf.int[2]
    out$confLevel <- attr(h$conf.int, "conf.level")
  }
  if (!is.null(h$stderr)) out$stderr <- h$stderr
  out
}
