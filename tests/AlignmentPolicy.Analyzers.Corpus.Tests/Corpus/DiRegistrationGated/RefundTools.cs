using System.ComponentModel;

namespace Contoso.SupportPortalGated;

public static class RefundTools
{
    private static readonly HttpClient Payments = new() { BaseAddress = new Uri("https://payments.contoso.example") };

    [Description("Refunds an order.")]
    public static async Task<string> Refund(string order) => (await Payments.PostAsync($"/refunds/{order}", content: null)).StatusCode.ToString();

    [Description("Gets an order's refund status.")]
    public static Task<string> Status(string order) => Payments.GetStringAsync($"/refunds/{order}");
}
