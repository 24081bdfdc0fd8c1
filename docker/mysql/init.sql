-- One database per service (each migrates its own schema with Flyway on start).
CREATE DATABASE IF NOT EXISTS mall_order CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE DATABASE IF NOT EXISTS mall_inventory CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE DATABASE IF NOT EXISTS mall_points CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE DATABASE IF NOT EXISTS mall_coupon CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
CREATE DATABASE IF NOT EXISTS pay_payment CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
GRANT ALL PRIVILEGES ON mall_order.* TO 'mall'@'%';
GRANT ALL PRIVILEGES ON mall_inventory.* TO 'mall'@'%';
GRANT ALL PRIVILEGES ON mall_points.* TO 'mall'@'%';
GRANT ALL PRIVILEGES ON mall_coupon.* TO 'mall'@'%';
GRANT ALL PRIVILEGES ON pay_payment.* TO 'mall'@'%';
