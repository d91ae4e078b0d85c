// Plugins are registered through a generic helper, bound to a type in another file.
using Microsoft.SemanticKernel;

namespace Contoso.Assistant;

public static class KernelSetup
{
    public static Kernel Create(string apiKey)
    {
        var builder = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", apiKey);
        var kernel = builder.Build();
        AddPlugin<CalendarPlugin>(kernel);
        AddPlugin<TimePlugin>(kernel);
        return kernel;
    }

    private static void AddPlugin<T>(Kernel kernel)
        where T : class, new()
        => kernel.Plugins.AddFromType<T>(typeof(T).Name.Replace("Plugin", "", StringComparison.Ordinal));
}
