package planner

// relevant reports whether varying key can change any output of the
// resolved scenario, and why not.
func relevant(sc *Scenario, in *Inputs, key string) (bool, string) {
	_, hasFLOPs := sc.Values[KeyFLOPs]
	_, hasActive := sc.Values[KeyActiveParams]
	_, hasTokens := sc.Values[KeyTokens]
	_, hasTPP := sc.Values[KeyTokensPerParam]
	_, hasParams := sc.Values[KeyParams]
	switch key {
	case KeyYear:
		return false, "the year places the scenario on the projection chart only"
	case KeyMFU, KeyGoodput:
		if in.HasGPUHours {
			return false, "unused when gpu-hours is given"
		}
	case KeyGPUHours:
		if !in.HasGPUHours {
			return false, "give gpu-hours to put a range on it"
		}
	case KeyDepreciationYrs, KeyResidualValue:
		if in.EpochDepreciation {
			return false, "unused in epoch depreciation mode"
		}
	case KeyFLOPs:
		if !hasFLOPs {
			return false, "give flops to put a range on it"
		}
	case KeyParams:
		if hasFLOPs || hasActive || !hasParams {
			return false, "compute does not depend on it here (flops or active-params given, or params unset)"
		}
	case KeyActiveParams:
		if hasFLOPs || !hasActive {
			return false, "compute does not depend on it here (flops given, or active-params unset)"
		}
	case KeyTokens:
		if hasFLOPs || !hasTokens {
			return false, "compute does not depend on it here (flops given, or tokens unset)"
		}
	case KeyTokensPerParam:
		if hasFLOPs || hasTokens || !hasTPP || !hasParams {
			return false, "compute does not depend on it here (flops or tokens given, or tokens-per-param unset)"
		}
	case KeyEfficiency:
		if !in.HasFLOP {
			return false, "unused when gpu-hours stands alone"
		}
	}
	return true, ""
}

// inputValue returns the resolved value of the numeric input key.
func inputValue(in *Inputs, key string) (float64, bool) {
	if p := inputField(in, key); p != nil {
		return *p, true
	}
	return 0, false
}

// inputField returns the Inputs field that the numeric input key sets
// directly, or nil for keys that act through compute (params, tokens, ...)
// or not at all (year).
func inputField(in *Inputs, key string) *float64 {
	switch key {
	case KeyGPUs:
		return &in.GPUs
	case KeyMFU:
		return &in.MFU
	case KeyGoodput:
		return &in.Goodput
	case KeyGPUHours:
		return &in.GPUHours
	case KeyExperiments:
		return &in.Experiments
	case KeyPowerW:
		return &in.PowerW
	case KeyHostPowerFactor:
		return &in.HostPowerFactor
	case KeyPUE:
		return &in.PUE
	case KeyWUE:
		return &in.WUELPerKWh
	case KeyCarbonIntensity:
		return &in.CarbonGPerKWh
	case KeyRenewableShare:
		return &in.RenewableShare
	case KeyEWIF:
		return &in.EWIFLPerKWh
	case KeyElectricityPrice:
		return &in.ElectricityUSD
	case KeyGPUHourPrice:
		return &in.GPUHourUSD
	case KeyGPUPrice:
		return &in.GPUPriceUSD
	case KeyServerCostFactor:
		return &in.ServerCostFactor
	case KeyInterconnect:
		return &in.InterconnectShare
	case KeyDepreciationYrs:
		return &in.DepreciationYears
	case KeyWACC:
		return &in.WACC
	case KeyResidualValue:
		return &in.ResidualValue
	case KeyStaffCost:
		return &in.StaffUSD
	}
	return nil
}
