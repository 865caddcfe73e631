// Package nested calls function values whose candidates call further
// values, seven levels deep, three literals a level: each literal body is
// to be walked once, not once per path that reaches it.
package nested

var level1 = []func(a0 int) bool{
	func(a0 int) bool {
		if a0 > 0 {
			return level2[a0](a0, a0)
		}
		return level2[0](a0, 0)
	},
	func(a0 int) bool {
		if a0 > 1 {
			return level2[a0](a0, a0)
		}
		return level2[1](a0, 1)
	},
	func(a0 int) bool {
		if a0 > 2 {
			return level2[a0](a0, a0)
		}
		return level2[2](a0, 2)
	},
}

var level2 = []func(a0 int, a1 int) bool{
	func(a0 int, a1 int) bool {
		if a0 > 0 {
			return level3[a0](a0, a1, a0)
		}
		return level3[0](a0, a1, 0)
	},
	func(a0 int, a1 int) bool {
		if a0 > 1 {
			return level3[a0](a0, a1, a0)
		}
		return level3[1](a0, a1, 1)
	},
	func(a0 int, a1 int) bool {
		if a0 > 2 {
			return level3[a0](a0, a1, a0)
		}
		return level3[2](a0, a1, 2)
	},
}

var level3 = []func(a0 int, a1 int, a2 int) bool{
	func(a0 int, a1 int, a2 int) bool {
		if a0 > 0 {
			return level4[a0](a0, a1, a2, a0)
		}
		return level4[0](a0, a1, a2, 0)
	},
	func(a0 int, a1 int, a2 int) bool {
		if a0 > 1 {
			return level4[a0](a0, a1, a2, a0)
		}
		return level4[1](a0, a1, a2, 1)
	},
	func(a0 int, a1 int, a2 int) bool {
		if a0 > 2 {
			return level4[a0](a0, a1, a2, a0)
		}
		return level4[2](a0, a1, a2, 2)
	},
}

var level4 = []func(a0 int, a1 int, a2 int, a3 int) bool{
	func(a0 int, a1 int, a2 int, a3 int) bool {
		if a0 > 0 {
			return level5[a0](a0, a1, a2, a3, a0)
		}
		return level5[0](a0, a1, a2, a3, 0)
	},
	func(a0 int, a1 int, a2 int, a3 int) bool {
		if a0 > 1 {
			return level5[a0](a0, a1, a2, a3, a0)
		}
		return level5[1](a0, a1, a2, a3, 1)
	},
	func(a0 int, a1 int, a2 int, a3 int) bool {
		if a0 > 2 {
			return level5[a0](a0, a1, a2, a3, a0)
		}
		return level5[2](a0, a1, a2, a3, 2)
	},
}

var level5 = []func(a0 int, a1 int, a2 int, a3 int, a4 int) bool{
	func(a0 int, a1 int, a2 int, a3 int, a4 int) bool {
		if a0 > 0 {
			return level6[a0](a0, a1, a2, a3, a4, a0)
		}
		return level6[0](a0, a1, a2, a3, a4, 0)
	},
	func(a0 int, a1 int, a2 int, a3 int, a4 int) bool {
		if a0 > 1 {
			return level6[a0](a0, a1, a2, a3, a4, a0)
		}
		return level6[1](a0, a1, a2, a3, a4, 1)
	},
	func(a0 int, a1 int, a2 int, a3 int, a4 int) bool {
		if a0 > 2 {
			return level6[a0](a0, a1, a2, a3, a4, a0)
		}
		return level6[2](a0, a1, a2, a3, a4, 2)
	},
}

var level6 = []func(a0 int, a1 int, a2 int, a3 int, a4 int, a5 int) bool{
	func(a0 int, a1 int, a2 int, a3 int, a4 int, a5 int) bool {
		if a0 > 0 {
			return level7[a0](a0, a1, a2, a3, a4, a5, a0)
		}
		return level7[0](a0, a1, a2, a3, a4, a5, 0)
	},
	func(a0 int, a1 int, a2 int, a3 int, a4 int, a5 int) bool {
		if a0 > 1 {
			return level7[a0](a0, a1, a2, a3, a4, a5, a0)
		}
		return level7[1](a0, a1, a2, a3, a4, a5, 1)
	},
	func(a0 int, a1 int, a2 int, a3 int, a4 int, a5 int) bool {
		if a0 > 2 {
			return level7[a0](a0, a1, a2, a3, a4, a5, a0)
		}
		return level7[2](a0, a1, a2, a3, a4, a5, 2)
	},
}

var level7 = []func(a0 int, a1 int, a2 int, a3 int, a4 int, a5 int, a6 int) bool{
	func(a0 int, a1 int, a2 int, a3 int, a4 int, a5 int, a6 int) bool {
		return a0 == 0
	},
	func(a0 int, a1 int, a2 int, a3 int, a4 int, a5 int, a6 int) bool {
		return a0 == 1
	},
	func(a0 int, a1 int, a2 int, a3 int, a4 int, a5 int, a6 int) bool {
		return a0 == 2
	},
}

// Handle starts the chain.
func Handle(n int) bool { return level1[n](n) }
