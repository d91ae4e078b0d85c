using AlignmentPolicy.Cli;

return CliApplication.Run(args, Console.Out, Console.Error);
