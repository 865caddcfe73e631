module example.com/swagger

go 1.26.0
