package assets_test

import (
	"reflect"
	"testing"

	"aiplan/assets"
	"aiplan/planner"
)

// TestDefaultsBubbleScenarios keeps the built-in file's bubble-risk
// scenarios in step with the planner's presets (regenerate the
// bubbleScenarios key of defaults.aiplan from planner.BubbleDefaults when a
// preset changes).
func TestDefaultsBubbleScenarios(t *testing.T) {
	cat, err := assets.Catalog()
	if err != nil {
		t.Fatal(err)
	}
	rep, err := assets.Reported()
	if err != nil {
		t.Fatal(err)
	}
	want, err := planner.BubbleDefaults(cat, rep)
	if err != nil {
		t.Fatal(err)
	}
	f, err := assets.Defaults()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(f.BubbleScenarios, want) {
		t.Errorf("defaults.aiplan bubbleScenarios differ from planner.BubbleDefaults")
	}
	if f.BubbleBaseline == "" || len(f.BubbleList()) < 5 {
		t.Errorf("want a baseline and at least five scenarios, got %q, %d", f.BubbleBaseline, len(f.BubbleList()))
	}
}
