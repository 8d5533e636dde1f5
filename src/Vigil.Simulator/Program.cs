using Vigil.Simulator;

return await Cli.RunAsync(args);
