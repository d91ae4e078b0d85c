// The web app's basket, in the shape of eShop: a typed wrapper over the generated gRPC client.
using eShop.Basket.API.Grpc;
using GrpcBasketClient = eShop.Basket.API.Grpc.Basket.BasketClient;

namespace eShop.WebApp.Services;

public record BasketQuantity(int ProductId, int Quantity);

public class BasketService(GrpcBasketClient basketClient)
{
    public async Task<IReadOnlyCollection<BasketQuantity>> GetBasketAsync()
    {
        var result = await basketClient.GetBasketAsync(new GetBasketRequest());
        return result.Items.Select(i => new BasketQuantity(i.ProductId, i.Quantity)).ToList();
    }

    public async Task UpdateBasketAsync(IReadOnlyCollection<BasketQuantity> basket)
    {
        var updatePayload = new UpdateBasketRequest();
        foreach (var item in basket)
        {
            updatePayload.Items.Add(new BasketItem { ProductId = item.ProductId, Quantity = item.Quantity });
        }

        await basketClient.UpdateBasketAsync(updatePayload);
    }
}
