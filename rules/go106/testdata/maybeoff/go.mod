module example.com/maybeoff

go 1.26.0
