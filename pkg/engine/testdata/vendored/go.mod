module example.com/vendored

go 1.26

require example.com/fakedep v1.0.0
