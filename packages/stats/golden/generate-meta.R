# Reference values for the meta-analysis: metafor's escalc (MD, SMD, RR, OR), rma (FE, DL, REML) and
# predict (prediction interval), on metafor's own example data and on small hand-made sets.
# Run from packages/stats: Rscript golden/generate-meta.R

source("golden/common.R")
suppressPackageStartupMessages(library(metafor))

# ---- Data sets ----
bcg <- dat.bcg
normand <- dat.normand1999
binary_zero <- data.frame(ai = c(0, 3, 5, 1, 12), n1i = c(20, 25, 40, 15, 60), ci = c(2, 6, 9, 0, 20), n2i = c(20, 24, 42, 16, 58))
continuous_small <- data.frame(m1i = c(14.2, 15.1, 13.8), sd1i = c(2.1, 2.6, 1.9), n1i = c(12, 20, 9), m2i = c(12.9, 13.0, 13.1), sd2i = c(2.3, 2.4, 2.2), n2i = c(11, 22, 10))

binary_inputs <- function(ai, n1i, ci, n2i) list(events1 = arr(ai), n1 = arr(n1i), events2 = arr(ci), n2 = arr(n2i))
continuous_inputs <- function(d) list(mean1 = arr(d$m1i), sd1 = arr(d$sd1i), n1 = arr(d$n1i), mean2 = arr(d$m2i), sd2 = arr(d$sd2i), n2 = arr(d$n2i))

escalc_sets <- list(
  list(name = "dat.bcg log risk ratio", measure = "RR", setup = "d <- dat.bcg", call = "escalc(measure = 'RR', ai = tpos, bi = tneg, ci = cpos, di = cneg, data = d)",
       inputs = binary_inputs(bcg$tpos, bcg$tpos + bcg$tneg, bcg$cpos, bcg$cpos + bcg$cneg)),
  list(name = "dat.bcg log odds ratio", measure = "OR", setup = "d <- dat.bcg", call = "escalc(measure = 'OR', ai = tpos, bi = tneg, ci = cpos, di = cneg, data = d)",
       inputs = binary_inputs(bcg$tpos, bcg$tpos + bcg$tneg, bcg$cpos, bcg$cpos + bcg$cneg)),
  list(name = "binary with zero cells, log risk ratio", measure = "RR", setup = sprintf("d <- data.frame(ai = c(%s), n1i = c(%s), ci = c(%s), n2i = c(%s))", paste(binary_zero$ai, collapse = ", "), paste(binary_zero$n1i, collapse = ", "), paste(binary_zero$ci, collapse = ", "), paste(binary_zero$n2i, collapse = ", ")),
       call = "escalc(measure = 'RR', ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = d)", inputs = binary_inputs(binary_zero$ai, binary_zero$n1i, binary_zero$ci, binary_zero$n2i)),
  list(name = "binary with zero cells, log odds ratio", measure = "OR", setup = sprintf("d <- data.frame(ai = c(%s), n1i = c(%s), ci = c(%s), n2i = c(%s))", paste(binary_zero$ai, collapse = ", "), paste(binary_zero$n1i, collapse = ", "), paste(binary_zero$ci, collapse = ", "), paste(binary_zero$n2i, collapse = ", ")),
       call = "escalc(measure = 'OR', ai = ai, n1i = n1i, ci = ci, n2i = n2i, data = d)", inputs = binary_inputs(binary_zero$ai, binary_zero$n1i, binary_zero$ci, binary_zero$n2i)),
  list(name = "dat.normand1999 mean difference", measure = "MD", setup = "d <- dat.normand1999", call = "escalc(measure = 'MD', m1i = m1i, sd1i = sd1i, n1i = n1i, m2i = m2i, sd2i = sd2i, n2i = n2i, data = d)",
       inputs = continuous_inputs(normand)),
  list(name = "dat.normand1999 standardised mean difference", measure = "SMD", setup = "d <- dat.normand1999", call = "escalc(measure = 'SMD', m1i = m1i, sd1i = sd1i, n1i = n1i, m2i = m2i, sd2i = sd2i, n2i = n2i, data = d)",
       inputs = continuous_inputs(normand)),
  list(name = "three small trials, standardised mean difference", measure = "SMD", setup = sprintf("d <- data.frame(m1i = c(%s), sd1i = c(%s), n1i = c(%s), m2i = c(%s), sd2i = c(%s), n2i = c(%s))", paste(continuous_small$m1i, collapse = ", "), paste(continuous_small$sd1i, collapse = ", "), paste(continuous_small$n1i, collapse = ", "), paste(continuous_small$m2i, collapse = ", "), paste(continuous_small$sd2i, collapse = ", "), paste(continuous_small$n2i, collapse = ", ")),
       call = "escalc(measure = 'SMD', m1i = m1i, sd1i = sd1i, n1i = n1i, m2i = m2i, sd2i = sd2i, n2i = n2i, data = d)", inputs = continuous_inputs(continuous_small))
)

summarise_rma <- function(res) {
  pred <- predict(res)
  list(
    k = res$k, estimate = c(res$b), se = res$se, zval = res$zval, pValue = res$pval,
    ciLower = res$ci.lb, ciUpper = res$ci.ub, tau2 = res$tau2, I2 = res$I2, H2 = res$H2,
    Q = res$QE, Qdf = res$k - res$p, QpValue = res$QEp,
    predictionLower = pred$pi.lb, predictionUpper = pred$pi.ub,
    weights = arr(unname(weights(res)))
  )
}

methods <- c("FE", "DL", "REML")
escalc_cases <- list()
rma_cases <- list()
for (set in escalc_sets) {
  env <- new.env()
  eval(parse(text = set$setup), envir = env)
  run <- run_call(set$call, env)
  es <- run$value
  escalc_cases[[length(escalc_cases) + 1]] <- c(list(name = set$name, measure = set$measure, setup = set$setup, call = set$call), set$inputs, list(expected = list(yi = arr(c(es$yi)), vi = arr(c(es$vi)))))
  env$es <- es
  fits <- lapply(methods, function(method) {
    call <- sprintf("rma(yi, vi, data = es, method = '%s')", method)
    golden_entry(call, env, summarise_rma, list(method = method, predictCall = "predict(res)"))
  })
  rma_cases[[length(rma_cases) + 1]] <- list(name = set$name, setup = paste0(set$setup, "; es <- ", set$call), yi = arr(c(es$yi)), vi = arr(c(es$vi)), fits = fits)
}

# Generic yi/vi sets: homogeneous (tau2 truncated at 0), two studies, one study, and a 90% level.
generic <- list(
  list(name = "homogeneous studies (tau2 = 0)", yi = c(0.30, 0.32, 0.28, 0.31), vi = c(0.01, 0.02, 0.015, 0.012), level = 95),
  list(name = "two studies", yi = c(-0.5, 0.4), vi = c(0.04, 0.09), level = 95),
  list(name = "eight studies at level 90", yi = c(0.12, 0.45, -0.08, 0.61, 0.33, 0.25, 0.9, -0.2), vi = c(0.02, 0.05, 0.03, 0.08, 0.01, 0.04, 0.12, 0.06), level = 90)
)
for (set in generic) {
  env <- new.env()
  env$yi <- set$yi
  env$vi <- set$vi
  fits <- lapply(methods, function(method) {
    call <- sprintf("rma(yi, vi, method = '%s', level = %d)", method, set$level)
    golden_entry(call, env, summarise_rma, list(method = method, level = set$level, predictCall = "predict(res)"))
  })
  setup <- sprintf("yi <- c(%s); vi <- c(%s)", paste(set$yi, collapse = ", "), paste(set$vi, collapse = ", "))
  rma_cases[[length(rma_cases) + 1]] <- list(name = set$name, setup = setup, yi = arr(set$yi), vi = arr(set$vi), fits = fits)
}

write_golden(escalc_cases, "golden/escalc.json", "metafor escalc() effect sizes yi and sampling variances vi (MD and SMD with vtype 'LS', SMD = Hedges' g with the exact gamma correction; RR and OR with 0.5 added to every cell of a study with a zero cell).", "generate-meta.R")
write_golden(rma_cases, "golden/meta-analysis.json", "metafor rma(yi, vi, method) for FE (inverse variance), DL and REML (Fisher scoring), with predict(res) prediction intervals and weights(res) in percent.", "generate-meta.R")
