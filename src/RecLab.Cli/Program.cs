using RecLab.Cli;

return await ReclabApp.Create(Console.Out, Console.Error).RunAsync(args);
