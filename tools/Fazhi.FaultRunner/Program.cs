// The fault runner (docs/architecture.md, "Fault runner"): PLACEHOLDER until the harness lands.
Console.Error.WriteLine("fault runner: not built yet");
return 2;
