package budget

import (
	"slices"
	"testing"
)

// TestSpend checks that a budget allows its limit of steps and no more,
// and what it says once spent.
func TestSpend(t *testing.T) {
	b := New("test analysis", "package p", 3)
	for i := range 3 {
		if !b.Spend() {
			t.Fatalf("step %d refused, limit 3", i+1)
		}
	}
	if b.Spent() || b.Err() != nil {
		t.Fatalf("spent after 3 steps of 3: %v", b.Err())
	}
	if b.Spend() || b.Spend() {
		t.Error("a step past the limit was allowed")
	}
	if !b.Spent() || b.Used() != 5 {
		t.Errorf("Spent %v, Used %d; want true, 5", b.Spent(), b.Used())
	}
	want := "test analysis of package p stopped after 3 steps; findings there may be incomplete"
	if err := b.Err(); err == nil || err.Error() != want {
		t.Errorf("Err %v, want %q", err, want)
	}
}

// TestUnlimited checks that nil and a zero limit allow every step.
func TestUnlimited(t *testing.T) {
	var nilB *Budget
	zero := New("a", "u", 0)
	for range 1000 {
		if !nilB.Spend() || !zero.Spend() {
			t.Fatal("a step of an unlimited budget was refused")
		}
	}
	if nilB.Spent() || zero.Spent() || nilB.Err() != nil || zero.Err() != nil {
		t.Error("an unlimited budget says it is spent")
	}
}

// TestStop checks a stop for an analysis' own reason: the first reason
// is the one reported, and a spent limit wins over it.
func TestStop(t *testing.T) {
	b := Sized("taint analysis", "package p", 10, 5, 1) // 15 steps
	if b.Limit != 15 {
		t.Fatalf("limit %d, want 15", b.Limit)
	}
	b.Stop("after 50 rounds of f")
	b.Stop("after 60 rounds of g")
	want := "taint analysis of package p stopped after 50 rounds of f; findings there may be incomplete"
	if err := b.Err(); err == nil || err.Error() != want {
		t.Errorf("Err %v, want %q", err, want)
	}
	for range 16 {
		b.Spend()
	}
	want = "taint analysis of package p stopped after 15 steps; findings there may be incomplete"
	if err := b.Err(); err == nil || err.Error() != want {
		t.Errorf("Err %v, want %q", err, want)
	}
}

// TestWatch checks that budgets are tracked only under a key a driver
// watches, in order, and that collecting stops the watch.
func TestWatch(t *testing.T) {
	key, other := new(int), new(int)
	a, b, c := New("a", "1", 1), New("b", "2", 1), New("c", "3", 1)
	Track(key, a) // not watched yet: dropped
	collect := Watch(key)
	Track(key, b)
	Track(other, a)
	Track(key, c)
	if got := collect(); !slices.Equal(got, []*Budget{b, c}) {
		t.Errorf("collected %v, want b and c", got)
	}
	Track(key, a)
	if got := Watch(key)(); len(got) != 0 {
		t.Errorf("collected %v after the watch ended, want none", got)
	}
}

// TestUnwatched checks that a budget tracked while no driver watches its
// key is told to Unwatched once, when it is spent or stopped, and that a
// watched one never is.
func TestUnwatched(t *testing.T) {
	var told []string
	Unwatched = func(b *Budget) { told = append(told, b.Err().Error()) }
	defer func() { Unwatched = nil }()
	key := new(int)
	a := Track(key, New("reach analysis", "package a", 2)) // nobody watches key
	for range 5 {
		a.Spend()
	}
	s := Track(key, New("authentication analysis", "package s", 0))
	s.Stop("after 50 rounds")
	s.Stop("again")
	collect := Watch(key)
	w := Track(key, New("taint analysis", "package w", 1))
	w.Spend()
	w.Spend()
	collect()
	want := []string{
		"reach analysis of package a stopped after 2 steps; findings there may be incomplete",
		"authentication analysis of package s stopped after 50 rounds; findings there may be incomplete",
	}
	if !slices.Equal(told, want) {
		t.Errorf("told %q, want %q", told, want)
	}
}
