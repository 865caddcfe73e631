// Package adaptor is the interface the relay code calls; its
// implementations are registered elsewhere.
package adaptor

import "github.com/gin-gonic/gin"

type Adaptor interface{ Do(c *gin.Context) }

type Leaker interface{ Leak(c *gin.Context) }
