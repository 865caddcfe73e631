module example.com/split

go 1.26.0
