using Identity.Bench;

// bench/run.sh calls one command at a time; each prints what it measured and writes it as JSON.
return args.FirstOrDefault() switch
{
    "prepare" => await BenchData.PrepareAsync(Arguments.Parse(args[1..])),
    "signins" => await SignInLoad.RunAsync(Arguments.Parse(args[1..])),
    "seed-refresh" => await SignInLoad.SeedRefreshTokensAsync(Arguments.Parse(args[1..])),
    "coldstart" => await ColdStart.RunAsync(Arguments.Parse(args[1..])),
    "limits" => MachineLimits.Run(Arguments.Parse(args[1..])),
    "sqlite-commit" => await SqliteCommitCost.RunAsync(Arguments.Parse(args[1..])),
    "report" => await Report.WriteAsync(Arguments.Parse(args[1..])),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("Usage: Identity.Bench prepare|signins|seed-refresh|coldstart|limits|sqlite-commit|report --option value ...");
    return 2;
}
