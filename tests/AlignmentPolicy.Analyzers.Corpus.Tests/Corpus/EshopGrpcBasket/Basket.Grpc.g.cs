// What Grpc.Tools generates from basket.proto (client side, trimmed): the generated client derives from ClientBase<T>.
#nullable disable
namespace eShop.Basket.API.Grpc
{
    public sealed partial class GetBasketRequest { }

    public sealed partial class BasketItem { public int ProductId { get; set; } public int Quantity { get; set; } }

    public sealed partial class UpdateBasketRequest { public global::System.Collections.Generic.List<BasketItem> Items { get; } = new(); }

    public sealed partial class CustomerBasketResponse { public global::System.Collections.Generic.List<BasketItem> Items { get; } = new(); }

    public static partial class Basket
    {
        static readonly global::Grpc.Core.Marshaller<GetBasketRequest> __Marshaller_GetBasketRequest = global::Grpc.Core.Marshallers.Create(_ => global::System.Array.Empty<byte>(), _ => new GetBasketRequest());
        static readonly global::Grpc.Core.Marshaller<UpdateBasketRequest> __Marshaller_UpdateBasketRequest = global::Grpc.Core.Marshallers.Create(_ => global::System.Array.Empty<byte>(), _ => new UpdateBasketRequest());
        static readonly global::Grpc.Core.Marshaller<CustomerBasketResponse> __Marshaller_CustomerBasketResponse = global::Grpc.Core.Marshallers.Create(_ => global::System.Array.Empty<byte>(), _ => new CustomerBasketResponse());
        static readonly global::Grpc.Core.Method<GetBasketRequest, CustomerBasketResponse> __Method_GetBasket = new(global::Grpc.Core.MethodType.Unary, "BasketApi.Basket", "GetBasket", __Marshaller_GetBasketRequest, __Marshaller_CustomerBasketResponse);
        static readonly global::Grpc.Core.Method<UpdateBasketRequest, CustomerBasketResponse> __Method_UpdateBasket = new(global::Grpc.Core.MethodType.Unary, "BasketApi.Basket", "UpdateBasket", __Marshaller_UpdateBasketRequest, __Marshaller_CustomerBasketResponse);

        public partial class BasketClient : global::Grpc.Core.ClientBase<BasketClient>
        {
            public BasketClient(global::Grpc.Core.CallInvoker callInvoker) : base(callInvoker) { }

            protected BasketClient(ClientBaseConfiguration configuration) : base(configuration) { }

            public virtual global::Grpc.Core.AsyncUnaryCall<CustomerBasketResponse> GetBasketAsync(GetBasketRequest request, global::Grpc.Core.Metadata headers = null, global::System.DateTime? deadline = null, global::System.Threading.CancellationToken cancellationToken = default)
                => CallInvoker.AsyncUnaryCall(__Method_GetBasket, null, new global::Grpc.Core.CallOptions(headers, deadline, cancellationToken), request);

            public virtual global::Grpc.Core.AsyncUnaryCall<CustomerBasketResponse> UpdateBasketAsync(UpdateBasketRequest request, global::Grpc.Core.Metadata headers = null, global::System.DateTime? deadline = null, global::System.Threading.CancellationToken cancellationToken = default)
                => CallInvoker.AsyncUnaryCall(__Method_UpdateBasket, null, new global::Grpc.Core.CallOptions(headers, deadline, cancellationToken), request);

            protected override BasketClient NewInstance(ClientBaseConfiguration configuration) => new BasketClient(configuration);
        }
    }
}
