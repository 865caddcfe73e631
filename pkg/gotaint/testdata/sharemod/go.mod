module example.com/sharemod

go 1.22
