// The API's bodies, as api/openapi.yaml documents them (only what the shop reads or sends).

export interface Money {
  amount: number;
  currency: string;
}

export interface Product {
  id: string;
  name: string;
  description: string;
  category: string;
  price: Money;
  stock: number;
  status: 'ACTIVE' | 'ARCHIVED';
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export interface ProductChanges {
  name: string;
  description: string;
  category: string;
  price: Money;
}

export interface TokenPair {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  refreshToken: string;
  refreshExpiresIn: number;
}

export interface Profile {
  id: string;
  email: string;
  name: string;
  roles: string[];
  createdAt: string;
}

export type Availability = 'IN_STOCK' | 'NOT_ENOUGH_STOCK' | 'UNAVAILABLE';

export interface CartLine {
  productId: string;
  name?: string;
  unitPrice?: Money;
  quantity: number;
  lineTotal?: Money;
  availability: Availability;
  inStock: number;
}

export interface Cart {
  lines: CartLine[];
  currency?: string;
  subtotal?: Money;
  itemCount: number;
  version: number;
  updatedAt?: string;
  promoCode?: string;
  discount?: Money;
}

export interface ShippingAddress {
  name: string;
  lines: string[];
  city: string;
  postalCode: string;
  country: string;
}

export type OrderStatus =
  | 'PENDING_PAYMENT'
  | 'PAID'
  | 'FULFILLING'
  | 'SHIPPED'
  | 'DELIVERED'
  | 'PAYMENT_FAILED'
  | 'EXPIRED'
  | 'CANCELLING'
  | 'CANCELLED'
  | 'RETURNED';

export const ORDER_STATUSES: OrderStatus[] = [
  'PENDING_PAYMENT',
  'PAID',
  'FULFILLING',
  'SHIPPED',
  'DELIVERED',
  'PAYMENT_FAILED',
  'EXPIRED',
  'CANCELLING',
  'CANCELLED',
  'RETURNED',
];

export interface OrderLine {
  productId: string;
  name: string;
  unitPrice: Money;
  quantity: number;
  lineTotal: Money;
}

export interface Order {
  id: string;
  userId: string;
  status: OrderStatus;
  lines: OrderLine[];
  currency: string;
  totals: { subtotal: number; discount: number; shipping: number; total: number };
  promoCode?: string;
  shippingAddress: ShippingAddress;
  paymentMethod: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  payment?: { chargeId?: string; refundId?: string; refundReason?: string };
  shipment?: {
    shipmentId: string;
    bookedAt?: string;
    carrier?: string;
    trackingNumber?: string;
    shippedAt?: string;
    deliveredAt?: string;
    returnedAt?: string;
  };
}

export interface Notification {
  id: string;
  type: string;
  /** Absent for a notice of the account itself (PASSWORD_CHANGED, PASSWORD_RESET). */
  orderId?: string;
  title: string;
  body: string;
  data: { total?: number; currency?: string; carrier?: string; trackingNumber?: string };
  createdAt: string;
  read: boolean;
}

export interface Promotion {
  code: string;
  kind: 'PERCENT' | 'FIXED';
  percentOff?: number;
  amountOff?: Money;
  minSubtotal?: Money;
  validFrom: string;
  validUntil: string;
  maxRedemptions: number;
  perCustomerLimit: number;
  redemptions: number;
  active: boolean;
  createdAt: string;
  version: number;
}

export interface DailyReport {
  date: string;
  orders: number;
  ordersByStatus: Record<OrderStatus, number>;
  revenue: Record<string, number>;
  refunds: { count: number; amount: Record<string, number> };
  unitsSold: number;
  topProducts: { productId: string; name: string; units: number; revenue: Record<string, number> }[];
}

/** The local runtime's payment-gateway simulator (GET/PUT /_local/payment-simulator). */
export interface PaymentSimulator {
  outage: boolean;
  latencyMillis: number;
  ledger: { charges: number; declines: number; refunds: number; doubleCharges: number };
}

/** The local runtime's shipping-partner simulator (GET/PUT /_local/shipping-simulator). */
export interface ShippingSimulator {
  outage: boolean;
  latencyMillis: number;
  shipAfterSeconds: number;
  deliverAfterSeconds: number;
  shipments: number;
  cancelled: number;
}
