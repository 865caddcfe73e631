module example.com/match

go 1.26.0

require github.com/gin-gonic/gin v1.12.0
