module example.com/listeners

go 1.26.0
